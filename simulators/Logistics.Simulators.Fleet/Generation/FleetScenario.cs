namespace Logistics.Simulators.Fleet.Generation;

/// <summary>Everything that decides what the fleet sends: the same scenario gives the same messages.</summary>
/// <param name="Start">Simulated time of the run's start; faults are timed from here.</param>
/// <param name="Interval">Simulated time between two messages of one truck.</param>
/// <param name="Plan">Routes to follow: route k is driven by truck k; trucks beyond the plan's
/// routes drive loops around its first depot.</param>
public sealed record FleetScenario(int Trucks, int Seed, TimeSpan Interval, DateTimeOffset Start,
    IReadOnlyList<Fault> Faults, PlanRoutes? Plan = null)
{
    public const int MaximumTrucks = 10_000;

    /// <summary>Device account names as scripts/infra.sh makes them: T-001 … T-999, T-1000 ….</summary>
    public static string TruckId(int index) => $"T-{index:000}";

    /// <exception cref="ArgumentException">A setting is out of range or a fault names a truck outside the fleet.</exception>
    public IReadOnlyList<TruckGenerator> CreateTrucks()
    {
        if (Trucks is < 1 or > MaximumTrucks)
            throw new ArgumentException($"--trucks: {Trucks} is outside 1..{MaximumTrucks}");
        if (Interval <= TimeSpan.Zero) throw new ArgumentException($"--interval: {Interval} must be more than zero");
        var ids = Enumerable.Range(1, Trucks).Select(TruckId).ToHashSet(StringComparer.Ordinal);
        foreach (var fault in Faults)
            if (!ids.Contains(fault.Truck))
                throw new ArgumentException($"--fault '{fault.Text}': truck '{fault.Truck}' is not in the fleet ({TruckId(1)}…{TruckId(Trucks)})");

        var depot = Plan?.Depot ?? DepotLoop.Nanning;
        var trucks = new TruckGenerator[Trucks];
        for (var i = 1; i <= Trucks; i++)
        {
            // One stream per truck, so a truck's messages do not depend on how many others there are.
            var random = new Random(StreamSeed(Seed, i));
            var id = TruckId(i);
            var route = Plan is not null && i <= Plan.Routes.Count
                ? Plan.Routes[i - 1]
                : DepotLoop.Create($"{id}-loop", random, depot, Start);
            trucks[i - 1] = new TruckGenerator(this, i, route, random, Faults.Where(f => f.Truck == id));
        }
        return trucks;
    }

    /// <summary>SplitMix64's finaliser: well-spread seeds for neighbouring (seed, truck) pairs, the
    /// same on every machine and run (unlike HashCode.Combine).</summary>
    private static int StreamSeed(int seed, int truck)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)truck) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
