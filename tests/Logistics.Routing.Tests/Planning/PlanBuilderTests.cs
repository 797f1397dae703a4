using System.Text.Json;
using Logistics.Routing.Model;
using Logistics.Routing.Planning;

namespace Logistics.Routing.Tests.Planning;

/// <summary>The back-mapping of a hand-made solution: van 1 serves B then A; C, D, E, F are left out
/// (clients are numbered by the stores' first order: A 0, B 1, C 2, D 3, E 4, F 5).</summary>
public class PlanBuilderTests
{
    private readonly Plan _plan;

    public PlanBuilderTests()
    {
        var mapped = ProblemMapper.Map(DayFixture.Problem());
        _plan = PlanBuilder.Build(mapped, new Solution([new SolutionRoute(0, [1, 0])], [2, 3, 4, 5]));
    }

    [Fact]
    public void Times_are_local_clock_times_with_the_departure_delayed_to_avoid_waiting()
    {
        var route = Assert.Single(_plan.Routes);
        Assert.Equal("van-01", route.RouteId);
        Assert.Equal(new TimeOnly(8, 33), route.Departure);
        var (b, a) = (route.Stops[0], route.Stops[1]);
        Assert.Equal(("B", 1, new TimeOnly(8, 43), new TimeOnly(8, 50)), (b.StoreId, b.Sequence, b.Arrival, b.Departure));
        Assert.Equal(("A", 2, new TimeOnly(9, 0), new TimeOnly(9, 6)), (a.StoreId, a.Sequence, a.Arrival, a.Departure));
        Assert.Equal(0, a.WaitMinutes);
        Assert.Equal(new TimeOnly(9, 16), route.Return);
    }

    [Fact]
    public void Loads_distance_duration_and_cost_are_in_dispatcher_units()
    {
        var route = _plan.Routes[0];
        Assert.Equal(30, route.Cartons);
        Assert.Equal([10, 0], route.Stops.Select(s => s.LoadAfterCartons));
        Assert.Equal(["O-B1", "O-B2"], route.Stops[0].OrderIds);
        Assert.Equal(15.0, route.DistanceKm);
        Assert.Equal(43.0, route.DurationMinutes);
        Assert.Equal(150m + 18m + 25.8m, route.Cost);
        Assert.True(route.Feasible);
    }

    [Fact]
    public void Every_left_out_order_has_its_reason()
    {
        var reasons = _plan.Unassigned.ToDictionary(u => u.OrderId, u => u.Reason);
        Assert.Equal(UnassignedReason.Capacity, reasons["O-C"]);
        Assert.Equal(UnassignedReason.TimeWindow, reasons["O-D"]);
        Assert.Equal(UnassignedReason.ShiftLength, reasons["O-E"]);
        Assert.Equal(UnassignedReason.FleetFull, reasons["O-F"]);
        Assert.Equal(4, reasons.Count);
    }

    [Fact]
    public void Totals_add_up_the_routes_and_the_left_out_orders()
    {
        var t = _plan.Totals;
        Assert.Equal((1, 2, 3, 30), (t.Routes, t.Stops, t.Orders, t.Cartons));
        Assert.Equal(193.80m, t.Cost);
        Assert.Equal((4, 165), (t.UnassignedOrders, t.UnassignedCartons));
        Assert.Equal(1, t.UnassignedByReason[UnassignedReason.FleetFull]);
        Assert.Equal(2, t.UnassignedByTier[2]);
    }

    [Fact]
    public void The_json_is_camel_case_with_reasons_as_words()
    {
        using var json = JsonDocument.Parse(PlanJson.Serialize(_plan));
        var root = json.RootElement;
        Assert.Equal("2026-11-23", root.GetProperty("date").GetString());
        Assert.Equal("08:43:00", root.GetProperty("routes")[0].GetProperty("stops")[0].GetProperty("arrival").GetString());
        Assert.Contains(root.GetProperty("unassigned").EnumerateArray(), u => u.GetProperty("reason").GetString() == "timeWindow");
        Assert.Equal(1, root.GetProperty("totals").GetProperty("unassignedByReason").GetProperty("shiftLength").GetInt32());
    }

    [Fact]
    public void The_geojson_has_a_line_per_route_through_depot_stops_depot_and_a_point_per_stop()
    {
        using var json = JsonDocument.Parse(PlanGeoJson.Serialize(_plan));
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(3, features.Count);

        var line = features.Single(f => f.GetProperty("geometry").GetProperty("type").GetString() == "LineString");
        var coordinates = line.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().ToList();
        Assert.Equal(4, coordinates.Count);
        Assert.Equal(108.30, coordinates[0][0].GetDouble());
        Assert.Equal(22.80, coordinates[0][1].GetDouble());
        Assert.Equal(coordinates[0].GetRawText(), coordinates[^1].GetRawText());
        Assert.Equal("van-01", line.GetProperty("properties").GetProperty("route").GetString());

        var points = features.Where(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Point").ToList();
        var first = points.Single(p => p.GetProperty("properties").GetProperty("sequence").GetInt32() == 1).GetProperty("properties");
        Assert.Equal("B", first.GetProperty("store").GetString());
        Assert.Equal(3, first.GetProperty("tier").GetInt32());
        Assert.Equal("08:43", first.GetProperty("arrival").GetString());
        Assert.Equal(20, first.GetProperty("cartons").GetInt32());
        Assert.Equal("van-01", first.GetProperty("route").GetString());
    }

    [Fact]
    public void A_manifest_lists_the_stops_in_order()
    {
        var writer = new StringWriter();
        ManifestCsv.Write(_plan.Routes[0], writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("sequence,store_id", lines[0]);
        Assert.Equal("1,B,Store B,3,08:43,0,08:43,08:50,20,,10,O-B1 O-B2", lines[1]);
    }

    [Fact]
    public void A_manifest_keeps_store_names_from_running_as_formulas()
    {
        var route = _plan.Routes[0];
        var hostile = route with
        {
            Stops = [route.Stops[0] with { StoreId = "@S1", StoreName = "=HYPERLINK(\"http://evil.invalid/\",\"open me\")" }],
        };
        var writer = new StringWriter();
        ManifestCsv.Write(hostile, writer);
        var line = writer.ToString().Split("\r\n")[1];
        Assert.Equal("1,'@S1,\"'=HYPERLINK(\"\"http://evil.invalid/\"\",\"\"open me\"\")\",3,08:43,0,08:43,08:50,20,,10,O-B1 O-B2", line);
    }
}
