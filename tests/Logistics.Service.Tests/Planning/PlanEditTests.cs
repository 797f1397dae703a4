using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Logistics.Data.Security;
using static Logistics.Service.Tests.Planning.PlanApiClient;

namespace Logistics.Service.Tests.Planning;

public class PlanEditTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    [Fact]
    public async Task The_plan_comes_as_geojson_for_the_map_and_as_one_csv_manifest_per_route()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var (id, result) = await SolvedAsync(client);
        var route = result["routes"]![0]!;

        var geo = await client.GetAsync($"/api/plans/{id}/geojson");
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        var features = (await JsonAsync(geo))["features"]!.AsArray();
        Assert.Contains(features, f => (string?)f!["geometry"]!["type"] == "LineString");
        Assert.True(features.Count > result["routes"]!.AsArray().Count);

        var csv = await client.GetAsync($"/api/plans/{id}/manifests/{route["routeId"]}.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,store_id,store_name", lines[0]);
        Assert.Equal(route["stops"]!.AsArray().Count, lines.Length - 1);
        Assert.StartsWith($"1,{route["stops"]![0]!["storeId"]},", lines[1]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/plans/{id}/manifests/van-99.csv")).StatusCode);
    }

    [Fact]
    public async Task A_move_onto_a_route_without_room_is_refused_with_422_and_one_with_room_changes_the_plan()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var (id, plan) = await SolvedAsync(client);
        var routes = plan["routes"]!.AsArray().Select(r => r!).ToList();
        Assert.True(routes.Count >= 2, "the simulated day needs at least two routes");
        var candidates = (from source in routes
                          from stop in source["stops"]!.AsArray()
                          from to in routes
                          where to != source
                          select (Store: (string)stop!["storeId"]!, To: (string)to["routeId"]!, Load: (int)to["cartons"]! + (int)stop["cartons"]!)).ToList();

        // A store moved onto a route whose vehicle cannot take it on top of its load: the solver's plan varies
        // with the time it had, so the move is picked against the simulated fleet's capacities.
        var capacity = Logistics.Scenarios.OrdersSimulator.Generate(60, 7, null).Fleet.ToDictionary(v => v.Id, v => v.CapacityCartons);
        var typeOf = routes.ToDictionary(r => (string)r["routeId"]!, r => (string)r["vehicleType"]!);
        var fullest = candidates.Where(c => c.Load > capacity[typeOf[c.To]]).MaxBy(c => c.Load);
        Assert.True(fullest.Store is not null, "the simulated day needs a store that does not fit on another route");
        var refusal = await client.PostAsJsonAsync($"/api/plans/{id}/moves", new { storeId = fullest.Store, toRouteId = fullest.To });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusal.StatusCode);
        var refused = await JsonAsync(refusal);
        Assert.Equal("capacity", (string?)refused["reason"]);
        Assert.Contains($"{fullest.Load} cartons", (string?)refused["detail"]);
        Assert.Contains((string)refused["toRouteId"]!, (string?)refused["detail"]);
        Assert.Equal(plan.ToJsonString(), (await ResultAsync(client, id)).ToJsonString());

        // The emptiest target next: a move there has room.
        JsonObject? moved = null;
        (string Store, string To, int Load) accepted = default;
        foreach (var c in candidates.OrderBy(c => c.Load))
        {
            var response = await client.PostAsJsonAsync($"/api/plans/{id}/moves", new { storeId = c.Store, toRouteId = c.To });
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
                continue;
            }
            moved = await JsonAsync(response);
            accepted = c;
            break;
        }
        Assert.NotNull(moved);
        var target = moved["routes"]!.AsArray().Single(r => (string?)r!["routeId"] == accepted.To)!;
        Assert.Contains(target["stops"]!.AsArray(), s => (string?)s!["storeId"] == accepted.Store);
        Assert.Single(moved["routes"]!.AsArray(), r => r!["stops"]!.AsArray().Any(s => (string?)s!["storeId"] == accepted.Store));
        Assert.Equal(accepted.Load, (int)target["cartons"]!);
        Assert.Equal((int)plan["totals"]!["orders"]!, (int)moved["totals"]!["orders"]!);
        Assert.Equal(moved.ToJsonString(), (await ResultAsync(client, id)).ToJsonString());

        var unknown = await client.PostAsJsonAsync($"/api/plans/{id}/moves", new { storeId = "S-NOPE", toRouteId = accepted.To });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'S-NOPE'", (string?)(await JsonAsync(unknown))["errors"]!["storeId"]![0]);
        var noRoute = await client.PostAsJsonAsync($"/api/plans/{id}/moves", new { storeId = accepted.Store });
        Assert.Contains("required", (string?)(await JsonAsync(noRoute))["errors"]!["toRouteId"]![0]);
    }

    [Fact]
    public async Task Reoptimising_keeps_the_locked_routes_exactly_and_plans_every_other_order()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var (id, plan) = await SolvedAsync(client);
        var locked = plan["routes"]![0]!;
        var lockedId = (string)locked["routeId"]!;

        var bad = await client.PostAsJsonAsync($"/api/plans/{id}/reoptimize", new { lockedRouteIds = new[] { "van-99" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'van-99'", (string?)(await JsonAsync(bad))["errors"]!["lockedRouteIds"]![0]);

        var response = await client.PostAsJsonAsync($"/api/plans/{id}/reoptimize", new { lockedRouteIds = new[] { lockedId }, timeLimitSeconds = 2 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await JsonAsync(response);
        Assert.Equal(id, (string?)job["basedOn"]);
        var newId = (string)job["id"]!;
        Assert.Equal("succeeded", (string?)(await WaitEndedAsync(client, newId))[^1]["status"]);

        var result = await ResultAsync(client, newId);
        var kept = result["routes"]!.AsArray().Single(r => (string?)r!["routeId"] == lockedId)!;
        Assert.True(JsonNode.DeepEquals(locked, kept), $"locked route changed:\n{locked.ToJsonString()}\n{kept.ToJsonString()}");
        Assert.Equal(Orders(plan).Order(), Orders(result).Order());
    }

    private static IEnumerable<string> Orders(JsonObject plan) =>
        plan["routes"]!.AsArray().SelectMany(r => r!["stops"]!.AsArray().SelectMany(s => s!["orderIds"]!.AsArray().Select(o => (string)o!)))
            .Concat(plan["unassigned"]!.AsArray().Select(u => (string)u!["orderId"]!));
}
