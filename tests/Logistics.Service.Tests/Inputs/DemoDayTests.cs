using System.Net;
using Logistics.Data.Inputs;
using Logistics.Data.Security;
using Logistics.Routing.Planning;
using Logistics.Service.Planning;
using Logistics.Simulators.Orders;
using Microsoft.Extensions.DependencyInjection;
using Logistics.Core.Csv;

namespace Logistics.Service.Tests.Inputs;

public sealed class DemoDayTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task A_demo_day_saves_the_simulators_stores_fleet_and_orders_and_loads_as_a_problem()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var response = await client.PostAsync("/api/demo-day", InputSamples.Json(new { date = "2026-11-23", stores = 120, seed = 7 }));
        var result = await InputSamples.JsonAsync(response);

        var expected = OrdersSimulator.Generate(120, 7);
        Assert.Equal("2026-11-23", result.GetProperty("date").GetString());
        Assert.Equal(120, result.GetProperty("stores").GetInt32());
        Assert.Equal(expected.Orders.Count, result.GetProperty("orders").GetInt32());
        Assert.Equal(expected.Orders.Sum(o => o.Cartons), result.GetProperty("cartons").GetInt32());
        Assert.Equal(expected.Fleet.Sum(v => v.Count), result.GetProperty("vehicles").GetInt32());

        var stores = await InputSamples.JsonAsync(await client.GetAsync("/api/stores"));
        Assert.Equal(expected.Stores.Select(s => s.Id), stores.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var orders = await InputSamples.JsonAsync(await client.GetAsync("/api/orders?date=2026-11-23"));
        Assert.Equal(expected.Orders.Select(o => o.Id), orders.EnumerateArray().Select(o => o.GetProperty("id").GetString()));

        var problem = await host.Services.GetRequiredService<DayProblems>().LoadAsync(new DateOnly(2026, 11, 23), null, CancellationToken.None);
        Assert.Equal(expected.Stores.Select(Comparable), problem.Stores.Select(Comparable));
        Assert.Equal(expected.Orders, problem.Orders);
        Assert.Equal(expected.Fleet, problem.Fleet);
        Assert.Equal(expected.Depot, Assert.Single(problem.Depots));
        Assert.Equal(new DateOnly(2026, 11, 23), problem.Options.Date);
    }

    /// <summary>Store's windows are a list, which record equality compares by reference.</summary>
    private static object Comparable(Logistics.Core.Store s) =>
        (s.Id, s.Name, s.Location, s.Tier, string.Join(';', s.ReceivingWindows), s.ServiceFixed, s.ServicePerCarton);

    [Fact]
    public async Task A_fixed_truck_count_gives_exactly_that_many_vehicles()
    {
        var client = await host.ClientAsync(Role.Admin);
        var result = await InputSamples.JsonAsync(await client.PostAsync("/api/demo-day", InputSamples.Json(new { date = "2026-11-24", stores = 50, trucks = 4 })));
        Assert.Equal(4, result.GetProperty("vehicles").GetInt32());
        var fleet = await InputSamples.JsonAsync(await client.GetAsync("/api/fleet"));
        Assert.Equal(4, Assert.Single(fleet.GetProperty("vehicleTypes").EnumerateArray()).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Bad_demo_requests_are_refused_naming_each_field()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var response = await client.PostAsync("/api/demo-day", InputSamples.Json(new { date = "tomorrow", stores = 0, trucks = 9999 }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await InputSamples.ErrorsAsync(response);
        Assert.StartsWith("'tomorrow' (request body): not a date", Assert.Single(errors["date"]));
        Assert.StartsWith("'0' (request body)", Assert.Single(errors["stores"]));
        Assert.StartsWith("'9999' (request body)", Assert.Single(errors["trucks"]));

        var wrongType = await client.PostAsync("/api/demo-day",
            new StringContent("""{"date":"2026-11-23","stores":"many"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("($.stores)", Assert.Single((await InputSamples.ErrorsAsync(wrongType))["stores"]));
    }

    [Fact]
    public async Task Loading_a_date_without_orders_names_what_is_missing()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/demo-day", InputSamples.Json(new { date = "2026-11-25", stores = 20 }))).StatusCode);
        var problems = host.Services.GetRequiredService<DayProblems>();
        var e = await Assert.ThrowsAsync<InputValidationException>(() => problems.LoadAsync(new DateOnly(2031, 1, 1), null, CancellationToken.None));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("orders", "2031-01-01"), (error.Field, error.Value));
    }
}
