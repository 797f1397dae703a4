namespace Logistics.Routing.Solver;

/// <summary>Reported while the solver runs (a few times per second at most).</summary>
/// <param name="BestCost">Objective of the best feasible solution so far; null before the first one.</param>
public sealed record SolverProgress(TimeSpan Elapsed, TimeSpan TimeLimit, long Iterations, long? BestCost, int BestRoutes);
