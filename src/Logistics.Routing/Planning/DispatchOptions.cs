namespace Logistics.Routing.Planning;

/// <summary>Settings of one planning day.</summary>
/// <param name="Date">The delivery day; times in the plan are local clock times of this date.</param>
public sealed record DispatchOptions(DateOnly Date)
{
    /// <summary>How much an hour of a stop's service starting after its window opens is worth
    /// avoiding, in yuan, by tier 1 … 5. Small next to what a vehicle-hour costs, so that
    /// higher tiers come earlier in their route only where it costs little.</summary>
    public IReadOnlyList<decimal> ArrivalWeightPerHourByTier { get; init; } = [6m, 3m, 1.5m, 0.5m, 0m];

    /// <summary>Added to the tier's weight for a stop with an urgent order, in yuan per hour.</summary>
    public decimal UrgentArrivalWeightPerHour { get; init; } = 6m;

    /// <summary>The arrival weight of a stop in yuan per hour.</summary>
    public decimal ArrivalWeightPerHour(int tier, bool urgent) =>
        ArrivalWeightPerHourByTier[Math.Clamp(tier, 1, ArrivalWeightPerHourByTier.Count) - 1] + (urgent ? UrgentArrivalWeightPerHour : 0);
}
