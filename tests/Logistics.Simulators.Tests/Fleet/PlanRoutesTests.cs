using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Simulators.Fleet.Generation;

namespace Logistics.Simulators.Tests.Fleet;

public class PlanRoutesTests
{
    private static readonly Coordinates DepotAt = new(22.79, 108.30);
    private static readonly Coordinates StoreA = new(22.83, 108.33);
    private static readonly Coordinates StoreB = new(22.86, 108.35);

    private static PlannedStop Stop(int sequence, Coordinates at, string arrival, double wait, string serviceStart, string departure) =>
        new(sequence, $"S{sequence:00000}", $"store {sequence}", 3, false, at, [$"O{sequence:000000}"], 20, 5, TimeOnly.Parse(arrival),
            wait, TimeOnly.Parse(serviceStart), TimeOnly.Parse(departure), 0, null);

    private static PlannedRoute Route(string id, string departure, string back, params PlannedStop[] stops) =>
        new(id, "van", 1, "DC1", "DC1", TimeOnly.Parse(departure), TimeOnly.Parse(back), 40, 20, 110, 300m, true, stops);

    /// <summary>A plan as `logistics plan --out` writes it: van-01 leaves at 08:00, waits at store A
    /// until 08:30 and unloads until 08:45, unloads at store B 09:05-09:20 and is back at 09:50.</summary>
    public static string TwoStopPlanJson() => PlanJson.Serialize(new Plan(
        new DateOnly(2026, 11, 22),
        new PlanTotals(2, 3, 3, 60, 40, 3, 600m, 0, 0, new Dictionary<UnassignedReason, int>(), new Dictionary<int, int>()),
        [
            Route("van-01", "08:00:00", "09:50:00",
                Stop(1, StoreA, "08:20:00", 10, "08:30:00", "08:45:00"),
                Stop(2, StoreB, "09:05:00", 0, "09:05:00", "09:20:00")),
            Route("van-02", "08:10:00", "09:00:00", Stop(3, StoreB, "08:35:00", 0, "08:35:00", "08:40:00")),
        ],
        [],
        [new Depot("DC1", "Nanning distribution centre", DepotAt, new TimeWindow(new TimeOnly(7, 0), new TimeOnly(19, 0)))],
        true));

    public static PlanRoutes TwoStopPlan() => PlanRoutes.Parse(TwoStopPlanJson(), "plan.json", PlanRoutes.NanningUtcOffset);

    [Fact]
    public void Reads_each_vehicle_s_stops_and_times_from_the_plan_file()
    {
        var plan = TwoStopPlan();

        Assert.Equal(new DateOnly(2026, 11, 22), plan.Date);
        Assert.Equal(DepotAt, plan.Depot);
        Assert.Equal(["van-01", "van-02"], plan.Routes.Select(r => r.Id));
        Assert.Equal(Scenarios.Start, plan.FirstDeparture);
        var visits = plan.Routes[0].Visits;
        Assert.Equal([DepotAt, StoreA, StoreB, DepotAt], visits.Select(v => v.Location));
        Assert.Equal(new RouteVisit(StoreA, Scenarios.Start.AddMinutes(20), Scenarios.Start.AddMinutes(30), Scenarios.Start.AddMinutes(45)), visits[1]);
        Assert.Equal(Scenarios.Start.AddMinutes(110), visits[^1].Arrival);
    }

    [Fact]
    public void Truck_k_follows_route_k_in_simulated_time_with_the_door_open_while_unloading()
    {
        var scenario = Scenarios.Create(trucks: 3, interval: TimeSpan.FromSeconds(30), plan: TwoStopPlan());
        var trucks = scenario.CreateTrucks();
        var messages = Scenarios.Run(trucks[0], scenario, TimeSpan.FromHours(3)).Messages().ToList();
        static bool Unloading(TimeSpan t) =>
            (t >= TimeSpan.FromMinutes(30) && t < TimeSpan.FromMinutes(45)) || (t >= TimeSpan.FromMinutes(65) && t < TimeSpan.FromMinutes(80));

        Assert.Equal("van-01", trucks[0].Route.Id);
        Assert.Equal("van-02", trucks[1].Route.Id);
        Assert.EndsWith("-loop", trucks[2].Route.Id);
        Assert.All(messages, m => Assert.Equal(Unloading(m.Sample.DeviceTime - Scenarios.Start), m.Sample.DoorOpen));
        Assert.All(messages.Where(m => m.Sample.DoorOpen), m => Assert.Contains(m.Sample.Location, new[] { StoreA, StoreB }));
        Assert.Equal(StoreA, messages.Single(m => m.Sample.DeviceTime == Scenarios.Start.AddMinutes(25)).Sample.Location);
        Assert.Equal(DepotAt, messages[^1].Sample.Location);
        // Half way between the depot and store A at 08:10.
        var halfway = messages.Single(m => m.Sample.DeviceTime == Scenarios.Start.AddMinutes(10)).Sample.Location;
        Assert.Equal((DepotAt.Latitude + StoreA.Latitude) / 2, halfway.Latitude, 6);
        Assert.Equal((DepotAt.Longitude + StoreA.Longitude) / 2, halfway.Longitude, 6);
        // A truck without a route of the plan drives rounds from the plan's depot.
        Assert.Equal(DepotAt, trucks[2].Route.Visits[0].Location);
    }

    [Theory]
    [InlineData("\"date\": \"2026-11-22\"", "\"date\": \"22/11/2026\"", "date: '22/11/2026' is not a date (yyyy-MM-dd)")]
    [InlineData("\"arrival\": \"08:20:00\"", "\"arrival\": \"8h20\"", "routes[0].stops[0].arrival: '8h20' is not a clock time (HH:mm:ss)")]
    [InlineData("\"routeId\": \"van-02\"", "\"routeIdentifier\": \"van-02\"", "routes[1].routeId: missing")]
    [InlineData("\"latitude\": 22.83", "\"latitude\": \"north\"", "routes[0].stops[0].location.latitude: expected a number, found \"north\"")]
    [InlineData("\"latitude\": 22.83", "\"latitude\": 122.83", "routes[0].stops[0].location: latitude must be between -90 and 90 degrees")]
    [InlineData("\"startDepotId\": \"DC1\"", "\"startDepotId\": \"DC9\"", "routes[0].startDepotId: 'DC9' is not among the plan's depots (DC1)")]
    public void A_bad_plan_is_refused_naming_the_field_and_value(string field, string replacement, string expected)
    {
        var json = TwoStopPlanJson();
        var at = json.IndexOf(field, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the plan JSON has no {field}");
        var broken = json[..at] + replacement + json[(at + field.Length)..];

        var error = Assert.Throws<PlanFormatException>(() => PlanRoutes.Parse(broken, "plan.json", PlanRoutes.NanningUtcOffset));
        Assert.Contains("plan.json: " + expected, error.Message);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_refused_as_such()
    {
        var error = Assert.Throws<PlanFormatException>(() => PlanRoutes.Parse("routes: none", "day.json", PlanRoutes.NanningUtcOffset));
        Assert.StartsWith("day.json: not JSON", error.Message);
    }
}
