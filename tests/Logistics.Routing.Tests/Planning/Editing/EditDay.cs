using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Routing.Solver;
using Logistics.Routing.TravelTimes;

namespace Logistics.Routing.Tests.Planning.Editing;

/// <summary>A day that needs two vans: six stores S1…S6 (30 cartons, open all day) and two stores P and Q
/// whose windows (09:00-09:10, 8 min of unloading) are too close together for one van, since every trip
/// takes 10 min and 5 km.</summary>
internal static class EditDay
{
    public static readonly Depot Depot = new("DC", "Depot", new Coordinates(22.80, 108.30), new TimeWindow(new(7, 0), new(19, 0)));

    private static Store Store(string id, int index, string start, string end) =>
        new(id, $"Store {id}", new Coordinates(22.80 + index / 1000.0, 108.31), new Tier(3),
            [new TimeWindow(TimeOnly.Parse(start), TimeOnly.Parse(end))], TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(18));

    public static readonly Store[] Stores =
    [
        .. Enumerable.Range(1, 6).Select(i => Store($"S{i}", i, "08:00", "17:00")),
        Store("P", 7, "09:00", "09:10"),
        Store("Q", 8, "09:00", "09:10"),
    ];

    public static readonly Order[] Orders =
    [
        .. Enumerable.Range(1, 6).Select(i => new Order($"O-S{i}", $"S{i}", 30)),
        new("O-P", "P", 10),
        new("O-Q", "Q", 10),
    ];

    /// <param name="capacity">200 leaves room for any move between the two vans; 110 leaves none for a 30-carton store.</param>
    public static DispatchProblem Problem(int capacity) =>
        new([Depot], Stores, Orders,
            [new VehicleType("van", 2, capacity, null, new TimeWindow(new(8, 0), new(18, 0)), TimeSpan.FromHours(6), 150m, 1.2m, 36m, "DC", "DC")],
            Travel(), new DispatchOptions(new DateOnly(2026, 11, 23)));

    public static Plan Solve(DispatchProblem problem) =>
        PlanRunner.Solve(problem, new SolverOptions { TimeLimit = TimeSpan.FromSeconds(5), MaxIterations = 300, Seed = 3 }).Plan;

    public static PlannedRoute RouteOf(Plan plan, string storeId) => plan.Routes.Single(r => r.Stops.Any(s => s.StoreId == storeId));

    private static MatrixTravelTimes Travel()
    {
        var ids = new[] { "DC" }.Concat(Stores.Select(s => s.Id)).ToArray();
        var pairs = new Dictionary<(string, string), (long, long)>();
        foreach (var from in ids)
            foreach (var to in ids.Where(t => t != from))
                pairs[(from, to)] = (5_000, 600);
        return new MatrixTravelTimes("matrix.csv", pairs);
    }
}
