using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Logistics.Data.Security;
using static Logistics.Service.Tests.Planning.PlanApiClient;

namespace Logistics.Service.Tests.Planning;

/// <summary>The "engine" field of the plans API: validated, stored with the job, and honoured end to end.</summary>
public class PlanEngineTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    private static readonly string Day = PlanningHost.Day.ToString("yyyy-MM-dd");

    [Fact]
    public async Task An_unknown_engine_is_refused_with_400_naming_the_valid_ones()
    {
        var client = await host.ClientAsync(Role.Dispatcher);

        var response = await client.PostAsJsonAsync("/api/plans", new { date = Day, engine = "gurobi" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unknown engine 'gurobi'; choose one of ils, ortools", (string?)(await JsonAsync(response))["errors"]!["engine"]![0]);
    }

    [Fact]
    public async Task A_day_planned_with_ortools_says_so_and_its_re_optimisation_keeps_the_engine_and_the_locked_route()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var created = await CreateAsync(client, new { date = Day, timeLimitSeconds = 3, engine = "ortools" });
        Assert.Equal("ortools", (string?)created["engine"]);
        var id = (string)created["id"]!;

        var end = (await WaitEndedAsync(client, id))[^1];

        Assert.Equal("succeeded", (string?)end["status"]);
        Assert.True((int)end["totals"]!["routes"]! > 0);
        var plan = await ResultAsync(client, id);
        Assert.Equal("ortools", (string?)plan["engine"]);
        Assert.Contains(plan["notes"]!.AsArray(), n => ((string)n!).Contains("no seed", StringComparison.Ordinal));
        Assert.All(plan["routes"]!.AsArray(), r => Assert.True((bool)r!["feasible"]!));

        var locked = plan["routes"]![0]!;
        var bad = await client.PostAsJsonAsync($"/api/plans/{id}/reoptimize", new { lockedRouteIds = new[] { (string)locked["routeId"]! }, engine = "cplex" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await JsonAsync(bad))["errors"]!["engine"]);

        var again = await client.PostAsJsonAsync($"/api/plans/{id}/reoptimize", new { lockedRouteIds = new[] { (string)locked["routeId"]! }, timeLimitSeconds = 2 });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var job = await JsonAsync(again);
        Assert.Equal("ortools", (string?)job["engine"]);
        Assert.Equal("succeeded", (string?)(await WaitEndedAsync(client, (string)job["id"]!))[^1]["status"]);
        var result = await ResultAsync(client, (string)job["id"]!);
        Assert.Equal("ortools", (string?)result["engine"]);
        var kept = result["routes"]!.AsArray().Single(r => (string?)r!["routeId"] == (string?)locked["routeId"])!;
        Assert.True(JsonNode.DeepEquals(locked, kept), $"locked route changed:\n{locked.ToJsonString()}\n{kept.ToJsonString()}");
    }

    [Fact]
    public async Task The_engines_and_the_default_are_in_the_pages_settings_and_the_api_document()
    {
        var client = await host.ClientAsync(Role.Dispatcher);

        var settings = await client.GetFromJsonAsync<JsonObject>("/api/web/settings");
        var document = await host.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        Assert.Equal(["ils", "ortools"], settings!["limits"]!["engines"]!.AsArray().Select(e => (string)e!));
        Assert.Equal("ils", (string?)settings["limits"]!["defaultEngine"]);
        var engine = document!["components"]!["schemas"]!["CreatePlanRequest"]!["properties"]!["engine"]!;
        Assert.Equal("ils", (string?)engine["default"]);
    }
}
