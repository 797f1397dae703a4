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

    /// <summary>Null keeps receiving windows hard. Set, a stop may be served up to
    /// <see cref="SoftWindowPolicy.MaxLateness"/> after its window closes, at a cost per hour late.</summary>
    public SoftWindowPolicy? SoftWindows { get; init; }

    /// <summary>The arrival weight of a stop in yuan per hour.</summary>
    public decimal ArrivalWeightPerHour(int tier, bool urgent) =>
        ArrivalWeightPerHourByTier[Math.Clamp(tier, 1, ArrivalWeightPerHourByTier.Count) - 1] + (urgent ? UrgentArrivalWeightPerHour : 0);
}

/// <summary>How late a stop may be served after its receiving window closes, and what each hour late
/// costs, in yuan like the fleet's costs.</summary>
public sealed record SoftWindowPolicy(TimeSpan MaxLateness, decimal LatenessCostPerHour);
