using System.Net;
using System.Text.Json;
using Logistics.Data.Security;

namespace Logistics.Service.Tests.Inputs;

public sealed class FleetImportTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task A_fleet_csv_comes_back_as_depots_and_vehicle_types()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var put = await client.PutAsync("/api/fleet", InputSamples.Csv(InputSamples.Fleet));
        Assert.Equal(2, (await InputSamples.JsonAsync(put)).GetProperty("imported").GetInt32());

        var fleet = await InputSamples.JsonAsync(await client.GetAsync("/api/fleet"));
        var depot = Assert.Single(fleet.GetProperty("depots").EnumerateArray());
        Assert.Equal(("DC1", "Nanning DC", "07:00", "19:00"),
            (depot.GetProperty("id").GetString(), depot.GetProperty("name").GetString(), depot.GetProperty("open").GetString(), depot.GetProperty("close").GetString()));
        Assert.Equal(22.79, depot.GetProperty("lat").GetDouble());
        var types = fleet.GetProperty("vehicleTypes");
        Assert.Equal(2, types.GetArrayLength());
        var van = types[0];
        Assert.Equal(("van", 3, 300, 900.0), (van.GetProperty("id").GetString(), van.GetProperty("count").GetInt32(),
            van.GetProperty("capacityCartons").GetInt32(), van.GetProperty("capacityKg").GetDouble()));
        Assert.Equal(("08:00", "18:00", 540.0), (van.GetProperty("shiftStart").GetString(), van.GetProperty("shiftEnd").GetString(),
            van.GetProperty("maxRouteMinutes").GetDouble()));
        Assert.Equal((150m, 1.20m, 35m), (van.GetProperty("fixedCost").GetDecimal(), van.GetProperty("costPerKm").GetDecimal(), van.GetProperty("costPerHour").GetDecimal()));
        Assert.Equal(("DC1", "DC1"), (van.GetProperty("startDepotId").GetString(), van.GetProperty("endDepotId").GetString()));
        Assert.Equal(JsonValueKind.Null, types[1].GetProperty("maxRouteMinutes").ValueKind);
        Assert.Equal(45.5m, types[1].GetProperty("costPerHour").GetDecimal());
    }

    [Fact]
    public async Task What_get_returns_can_be_put_back_as_json_unchanged()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/fleet", InputSamples.Csv(InputSamples.Fleet))).StatusCode);
        var first = await client.GetStringAsync("/api/fleet");
        var put = await client.PutAsync("/api/fleet", InputSamples.Json(JsonSerializer.Deserialize<JsonElement>(first)));
        Assert.Equal(2, (await InputSamples.JsonAsync(put)).GetProperty("imported").GetInt32());
        Assert.Equal(first, await client.GetStringAsync("/api/fleet"));
    }

    [Fact]
    public async Task A_json_fleet_is_refused_for_unknown_depots_and_bad_values_keeping_the_saved_one()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/fleet", InputSamples.Csv(InputSamples.Fleet))).StatusCode);
        var before = await client.GetStringAsync("/api/fleet");
        var response = await client.PutAsync("/api/fleet", InputSamples.Json(new
        {
            depots = new[] { new { id = "DC1", lat = 22.79, lon = 108.30 } },
            vehicleTypes = new object[]
            {
                new { id = "van", count = 2, capacityCartons = 0, shiftStart = "08:00", shiftEnd = "18:00", fixedCost = 150, costPerKm = 1.2, costPerHour = 35, startDepotId = "DC1" },
                new { id = "truck", count = 1, capacityCartons = 800, shiftStart = "08:00", shiftEnd = "7pm", fixedCost = 260, costPerKm = 2.1, costPerHour = 45, startDepotId = "DC9" },
            },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await InputSamples.ErrorsAsync(response);
        Assert.StartsWith("'0' ($.vehicleTypes[0]): CapacityCartons must be greater than 0", Assert.Single(errors["capacityCartons"]));
        Assert.StartsWith("'7pm' ($.vehicleTypes[1]): not a clock time", Assert.Single(errors["shiftEnd"]));
        Assert.StartsWith("'DC9' ($.vehicleTypes[1]): no depot with this id", errors["startDepotId"][0]);
        Assert.Equal(before, await client.GetStringAsync("/api/fleet"));
    }

    [Fact]
    public async Task A_csv_row_naming_an_unknown_end_depot_is_refused_naming_the_row()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var csv = InputSamples.Fleet.Replace("depot_close", "depot_close,end_depot_id").Replace("07:00,19:00\n", "07:00,19:00,\n") + ",DC7";
        var response = await client.PutAsync("/api/fleet", InputSamples.Csv(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("'DC7' (fleet.csv row 3): no depot with this id", Assert.Single((await InputSamples.ErrorsAsync(response))["end_depot_id"]));
    }
}
