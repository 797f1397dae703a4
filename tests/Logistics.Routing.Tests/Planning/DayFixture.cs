using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Routing.TravelTimes;

namespace Logistics.Routing.Tests.Planning;

/// <summary>A hand-made day whose times can be worked out on paper: every trip takes 10 min and 5 km,
/// except to and from the far store E (3 h, 100 km each way).</summary>
internal static class DayFixture
{
    public static readonly Depot Depot = new("DC", "Depot", new Coordinates(22.80, 108.30), new TimeWindow(new(7, 0), new(19, 0)));

    public static Store Store(string id, int tier, string start, string end) =>
        new(id, $"Store {id}", new Coordinates(22.80 + id[0] / 1000.0, 108.31), new Tier(tier),
            [new TimeWindow(TimeOnly.Parse(start), TimeOnly.Parse(end))], TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(6));

    public static readonly Store[] Stores =
    [
        Store("A", 1, "09:00", "12:00"),
        Store("B", 3, "08:00", "17:00"),
        Store("C", 2, "08:00", "17:00"),
        Store("D", 2, "08:00", "08:05"),
        Store("E", 4, "08:00", "17:00"),
        Store("F", 5, "08:00", "17:00"),
    ];

    public static readonly Order[] Orders =
    [
        new("O-A", "A", 10),
        new("O-B1", "B", 12),
        new("O-B2", "B", 8, Urgent: true),
        new("O-C", "C", 150),
        new("O-D", "D", 5),
        new("O-E", "E", 5),
        new("O-F", "F", 5),
    ];

    /// <summary>Fixed 150, 1.2 yuan/km, 36 yuan/h (exactly 1,000 cost units a second), 100 cartons, routes ≤ 4 h.</summary>
    public static readonly VehicleType Van = new("van", 2, 100, null, new TimeWindow(new(8, 0), new(18, 0)),
        TimeSpan.FromHours(4), 150m, 1.2m, 36m, "DC", "DC");

    public static MatrixTravelTimes Travel()
    {
        var ids = new[] { "DC" }.Concat(Stores.Select(s => s.Id)).ToArray();
        var pairs = new Dictionary<(string, string), (long, long)>();
        foreach (var from in ids)
            foreach (var to in ids.Where(t => t != from))
                pairs[(from, to)] = from == "E" || to == "E" ? (100_000, 3 * 3600) : (5_000, 600);
        return new MatrixTravelTimes("matrix.csv", pairs);
    }

    public static DispatchProblem Problem() =>
        new([Depot], Stores, Orders, [Van], Travel(), new DispatchOptions(new DateOnly(2026, 11, 23)));
}
