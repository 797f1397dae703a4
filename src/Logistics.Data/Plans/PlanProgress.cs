namespace Logistics.Data.Plans;

/// <summary>How far a solve has got.</summary>
/// <param name="Fraction">Elapsed over the time limit, 0…1.</param>
/// <param name="BestCostYuan">Route cost (fixed + distance + time) of the best plan so far; null before the first.</param>
/// <param name="UnassignedStops">Stops the best plan so far leaves out.</param>
public sealed record PlanProgress(double ElapsedSeconds, int TimeLimitSeconds, double Fraction, decimal? BestCostYuan, int Routes, int UnassignedStops);
