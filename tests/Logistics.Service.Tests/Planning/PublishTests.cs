using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Logistics.Data.Security;
using Logistics.Mqtt;
using Logistics.Service.Configuration;
using Logistics.Service.Excursions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Logistics.Service.Tests.Planning.PlanApiClient;

namespace Logistics.Service.Tests.Planning;

public class PublishTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    [Fact]
    public async Task Publishing_retains_each_route_for_its_truck_and_the_device_reads_its_own()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var (id, plan) = await SolvedAsync(client);
        var routes = plan["routes"]!.AsArray();
        Assert.True(routes.Count >= 2, "the simulated day needs at least two routes");
        var second = (string)routes[1]!["routeId"]!;

        var response = await client.PostAsJsonAsync($"/api/plans/{id}/publish", new { trucks = new Dictionary<string, string> { [second] = "T-007" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trucks = (await JsonAsync(response))["trucks"]!;
        Assert.Equal("T-001", (string?)trucks[(string)routes[0]!["routeId"]!]);
        Assert.Equal("T-007", (string?)trucks[second]);
        if (routes.Count >= 3) Assert.Equal("T-003", (string?)trucks[(string)routes[2]!["routeId"]!]);
        Assert.Equal("T-007", (string?)(await ResultAsync(client, id))["trucks"]![second]);
        Assert.NotNull((await GetAsync(client, id))["publishedAt"]);

        // As the cab of T-007 would: its own account, a fresh session, the retained message at once.
        var message = await RetainedPlanAsync("T-007");
        Assert.Equal(id, (string?)message["planId"]);
        Assert.Equal(second, (string?)message["routeId"]);
        Assert.Equal("T-007", (string?)message["truck"]);
        Assert.Equal(PlanningHost.Day.ToString("yyyy-MM-dd"), (string?)message["date"]);
        var expected = routes[1]!["stops"]!.AsArray();
        var stops = message["stops"]!.AsArray();
        Assert.Equal(expected.Count, stops.Count);
        Assert.Equal((string?)expected[0]!["storeId"], (string?)stops[0]!["storeId"]);
        Assert.True(JsonNode.DeepEquals(expected[0]!["orderIds"], stops[0]!["orderIds"]));
        Assert.Equal((int)expected[0]!["cartons"]!, (int)stops[0]!["cartons"]!);
        Assert.Equal((double)expected[0]!["location"]!["latitude"]!, (double)stops[0]!["location"]!["latitude"]!);
        Assert.Equal((string?)expected[0]!["arrival"], (string?)stops[0]!["plannedArrival"]);
        // Asia/Shanghai is UTC+8 all year.
        var arrivalAt = DateTimeOffset.Parse((string)stops[0]!["plannedArrivalAt"]!);
        Assert.Equal(PlanningHost.Day.ToDateTime(TimeOnly.Parse((string)expected[0]!["arrival"]!)) - TimeSpan.FromHours(8), arrivalAt.UtcDateTime);
    }

    [Fact]
    public async Task Publishing_refuses_unknown_routes_bad_truck_ids_and_one_truck_for_two_routes()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var (id, plan) = await SolvedAsync(client, seconds: 1);
        var first = (string)plan["routes"]![0]!["routeId"]!;

        var response = await client.PostAsJsonAsync($"/api/plans/{id}/publish",
            new { trucks = new Dictionary<string, string> { ["van-99"] = "T-001", [first] = "T 1" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response))["errors"]!;
        Assert.Contains("'van-99'", (string?)errors["trucks.van-99"]![0]);
        Assert.Contains("'T 1'", (string?)errors[$"trucks.{first}"]![0]);

        var twice = await client.PostAsJsonAsync($"/api/plans/{id}/publish", new { trucks = new Dictionary<string, string> { [first] = "T-002" } });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("'T-002'", (string?)(await JsonAsync(twice))["errors"]!["trucks"]![0]);
        Assert.Null((await GetAsync(client, id))["publishedAt"]);
    }

    [Fact]
    public async Task The_published_route_is_found_for_its_truck_during_its_day_and_not_for_other_trucks_or_times()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var (id, plan) = await SolvedAsync(client, seconds: 1);
        var route = plan["routes"]![0]!;
        var truck = "T-031";
        Assert.Equal(HttpStatusCode.OK,
            (await client.PostAsJsonAsync($"/api/plans/{id}/publish", new { trucks = new Dictionary<string, string> { [(string)route["routeId"]!] = truck } })).StatusCode);
        var site = host.Services.GetRequiredService<IOptions<SiteOptions>>().Value;
        var published = host.Services.GetRequiredService<IPublishedRoutes>();
        var departure = site.ToInstant(PlanningHost.Day, TimeOnly.Parse((string)route["departure"]!));
        var back = site.ToInstant(PlanningHost.Day, TimeOnly.Parse((string)route["return"]!));

        var during = await published.FindAsync(truck, departure.AddMinutes(10), departure.AddMinutes(20), CancellationToken.None);

        var found = Assert.Single(during);
        Assert.Equal(id, found.PlanId);
        Assert.Equal((string)route["routeId"]!, found.Route.RouteId);
        Assert.Equal(truck, found.TruckId);
        Assert.Equal(PlanningHost.Day, found.Date);
        Assert.Equal(route["stops"]!.AsArray().Count, found.Route.Stops.Count);
        Assert.Empty(await published.FindAsync(truck, back.AddMinutes(1), back.AddHours(3), CancellationToken.None));
        Assert.Empty(await published.FindAsync(truck, departure.AddDays(-1), departure.AddMinutes(-1), CancellationToken.None));
        Assert.Empty(await published.FindAsync("T-032", departure, back, CancellationToken.None));
    }

    private static async Task<JsonObject> RetainedPlanAsync(string truck)
    {
        await using var device = new MqttClient(new MqttClientOptions
        {
            Host = TestServers.MqttHost, Port = TestServers.MqttPort, ClientId = $"{truck}-test-{Guid.NewGuid():N}"[..23],
            Username = truck, Password = TestServers.DevicePassword(truck), CleanSession = true, AutoAcknowledge = true,
        });
        await device.ConnectAsync(CancellationToken.None);
        await device.SubscribeAsync($"fleet/{truck}/plan", MqttQualityOfService.AtLeastOnce, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var message = await device.Messages.ReadAsync(timeout.Token);
        Assert.True(message.Retain);
        Assert.Equal($"fleet/{truck}/plan", message.Topic);
        await device.DisconnectAsync(CancellationToken.None);
        return JsonNode.Parse(message.Payload.Span)!.AsObject();
    }
}
