using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Logistics.Data.Security;
using Logistics.Service.Tests.Inputs;
using static Logistics.Service.Tests.Forecasts.ForecastApiClient;

namespace Logistics.Service.Tests.Forecasts;

public class ForecastJobTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private static readonly object Small = new { horizon = 3, origins = 2, methods = new[] { "seasonal-naive", "ets", "tsb" } };

    [Fact]
    public async Task A_forecast_runs_to_succeeded_with_progress_a_summary_and_every_series_with_its_bands()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        await PutHistoryAsync(client, HistorySamples.Csv());

        var created = await CreateAsync(client, Small);
        Assert.Equal("queued", (string?)created["status"]);
        var seen = await WaitEndedAsync(client, (string)created["id"]!);

        var end = seen[^1];
        Assert.True((string?)end["status"] == "succeeded", end.ToJsonString());
        Assert.Equal(1.0, (double)end["progress"]!["fraction"]!);
        Assert.True((int)end["progress"]!["total"]! > 0);
        var summary = end["summary"]!;
        Assert.Equal("month", (string?)summary["period"]);
        Assert.Equal(3, (int)summary["horizon"]!);
        Assert.Equal(4, (int)summary["series"]!);
        Assert.Equal("2026-01-01", (string?)summary["firstDate"]);
        Assert.Equal("2026-03-01", (string?)summary["lastDate"]);
        Assert.Equal(1, (int)summary["fallbacks"]!);
        Assert.Contains("too short", (string?)end["note"]);
        var methods = summary["methods"]!.AsArray().Select(m => (string?)m!["method"]).ToList();
        Assert.Contains("seasonal-naive", methods);
        Assert.Contains("ets", methods);
        var naive = summary["methods"]!.AsArray().Single(m => (string?)m!["method"] == "seasonal-naive")!;
        Assert.Equal(1.0, (double)naive["maseVsSeasonalNaive"]!);
        Assert.NotNull(naive["coverage80"]);

        var id = (string)end["id"]!;
        var depot = await GetJsonAsync(client, $"/api/forecasts/{id}/depot");
        Assert.Equal(HistorySamples.Months, depot["history"]!.AsArray().Count);
        var points = depot["forecast"]!.AsArray();
        Assert.Equal(["2026-01-01", "2026-02-01", "2026-03-01"], points.Select(p => (string?)p!["date"]));
        foreach (var p in points)
        {
            Assert.True((double)p!["lower95"]! <= (double)p["lower80"]! && (double)p["lower80"]! <= (double)p["forecast"]!);
            Assert.True((double)p["forecast"]! <= (double)p["upper80"]! && (double)p["upper80"]! <= (double)p["upper95"]!);
        }
        var s3 = await GetJsonAsync(client, $"/api/forecasts/{id}/series/S3");
        Assert.NotNull((string?)s3["note"]);
        Assert.Equal(3, s3["forecast"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/forecasts/{id}/series/S404")).StatusCode);

        var csv = await client.GetStringAsync($"/api/forecasts/{id}/forecast.csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("series,date,forecast,lower80,upper80,lower95,upper95,method", lines[0].TrimEnd('\r'));
        Assert.Equal(1 + 5 * 3, lines.Length); // four stores and the depot total, three months each

        // Every staff role reads the result.
        var qa = await host.ClientAsync(Role.Qa);
        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync($"/api/forecasts/{id}")).StatusCode);
        Assert.Contains(id, await qa.GetStringAsync("/api/forecasts"));
    }

    [Fact]
    public async Task Trucks_needed_stock_up_and_what_if_orders_come_from_the_result_the_fleet_and_the_stores()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        await PutHistoryAsync(client, HistorySamples.Csv());
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/stores", InputSamples.Csv(InputSamples.Stores))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/fleet", InputSamples.Csv(InputSamples.Fleet))).StatusCode);
        var (id, _) = await SucceededAsync(client, Small);
        var depot = (await GetJsonAsync(client, $"/api/forecasts/{id}/depot"))["forecast"]!.AsArray();

        // The fleet: three vans of 300 and one truck of 800 cartons; at 1% they hold 8, 3, 3, 3 cartons, largest first.
        // Delivering every day, January's cartons are spread over its 31 days.
        var trucks = await GetJsonAsync(client, $"/api/forecasts/{id}/trucks?utilisation=1&deliveryDays=7");
        Assert.Equal(0.01, (double)trucks["utilisation"]!);
        Assert.Equal(4, (int)trucks["fleetVehicles"]!);
        var first = trucks["periods"]![0]!;
        Assert.Equal(31, (double)first["deliveryDays"]!);
        var cartons = (double)depot[0]!["forecast"]!;
        Assert.Equal(Math.Round(cartons, 1), (double)first["cartons"]!);
        Assert.Equal(Math.Round(cartons / 31, 1), (double)first["cartonsPerDay"]!);
        int Expected(double c) => c <= 0 ? 0 : c <= 8 ? 1 : c <= 11 ? 2 : c <= 14 ? 3 : c <= 17 ? 4 : 4 + (int)Math.Ceiling((c - 17) / 8);
        Assert.Equal(Expected(cartons / 31), (int)first["trucks"]!);
        Assert.Equal(Expected((double)depot[0]!["upper80"]! / 31), (int)first["trucksUpper80"]!);
        Assert.True((int)first["trucksUpper80"]! >= (int)first["trucks"]!);
        // Without the parameters: 85%, and the delivery days a week the history's last four weeks had (one monthly row).
        var byDefault = await GetJsonAsync(client, $"/api/forecasts/{id}/trucks");
        Assert.Equal(0.85, (double)byDefault["utilisation"]!);
        Assert.Equal(1, (double)byDefault["deliveryDaysPerWeek"]!);
        Assert.Equal(Math.Round(31 / 7.0, 1), (double)byDefault["periods"]![0]!["deliveryDays"]!);

        // February is half again above January in every store's history.
        var stockUp = await GetJsonAsync(client, $"/api/forecasts/{id}/stock-up");
        Assert.Equal("2026-01", (string?)stockUp["thisMonth"]);
        Assert.Equal("2026-02", (string?)stockUp["nextMonth"]);
        var listed = stockUp["stores"]!.AsArray();
        Assert.Contains("S1", listed.Select(s => (string?)s!["series"]));
        var increases = listed.Select(s => (double?)s!["increasePercent"] ?? double.PositiveInfinity).ToList();
        Assert.Equal(increases.OrderDescending(), increases);
        Assert.All(increases, i => Assert.True(i >= 20));
        Assert.Empty((await GetJsonAsync(client, $"/api/forecasts/{id}/stock-up?threshold=1000"))["stores"]!.AsArray());

        // What-if: February's forecast as the orders of a delivery day.
        var response = await client.PostAsJsonAsync($"/api/forecasts/{id}/orders", new { period = "2026-02-01", date = "2026-02-03" });
        var whatIf = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, whatIf.ToJsonString());
        Assert.Equal(["S9"], whatIf["skippedSeries"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("dispatch.html?date=2026-02-03", (string?)whatIf["page"]);
        var orders = await InputSamples.JsonAsync(await client.GetAsync("/api/orders?date=2026-02-03"));
        Assert.Equal(3, orders.GetArrayLength());
        Assert.Equal((int)whatIf["cartons"]!, orders.EnumerateArray().Sum(o => o.GetProperty("cartons").GetInt32()));
        var s1 = await GetJsonAsync(client, $"/api/forecasts/{id}/series/S1");
        var s1February = (double)s1["forecast"]!.AsArray().Single(p => (string?)p!["date"] == "2026-02-01")!["forecast"]!;
        Assert.Equal((int)Math.Round(s1February, MidpointRounding.AwayFromZero),
            orders.EnumerateArray().Single(o => o.GetProperty("storeId").GetString() == "S1").GetProperty("cartons").GetInt32());

        var bad = await client.PostAsJsonAsync($"/api/forecasts/{id}/orders", new { period = "2026-05-01", date = "26-02-03", level = "max" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await InputSamples.ErrorsAsync(bad);
        Assert.Contains("'2026-05-01'", errors["period"][0]);
        Assert.Contains("2026-01-01, 2026-02-01, 2026-03-01", errors["period"][0]);
        Assert.Contains("'26-02-03'", errors["date"][0]);
        Assert.Contains("'max'", errors["level"][0]);
        var badQuery = await client.GetAsync($"/api/forecasts/{id}/trucks?utilisation=0");
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Contains("'0'", (await InputSamples.ErrorsAsync(badQuery))["utilisation"][0]);
        Assert.Contains("'8'", (await InputSamples.ErrorsAsync(await client.GetAsync($"/api/forecasts/{id}/trucks?deliveryDays=8")))["deliveryDays"][0]);
        Assert.Contains("'abc'", (await InputSamples.ErrorsAsync(await client.GetAsync($"/api/forecasts/{id}/stock-up?threshold=abc")))["threshold"][0]);

        var qa = await host.ClientAsync(Role.Qa);
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.PostAsJsonAsync($"/api/forecasts/{id}/orders", new { period = "2026-02-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync($"/api/forecasts/{id}/trucks")).StatusCode);
    }

    [Fact]
    public async Task Bad_options_are_refused_with_400_naming_each_field_and_value()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        await PutHistoryAsync(client, HistorySamples.Csv());

        var response = await client.PostAsJsonAsync("/api/forecasts",
            new { horizon = 0, period = "fortnight", missing = "guess", methods = new[] { "ets", "prophet" }, origins = 99, seed = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await InputSamples.ErrorsAsync(response);
        Assert.Contains("'0'", errors["horizon"][0]);
        Assert.Contains("'fortnight'", errors["period"][0]);
        Assert.Contains("'guess'", errors["missing"][0]);
        Assert.Contains("'prophet'", errors["methods"][0]);
        Assert.Contains("'99'", errors["origins"][0]);
        Assert.Contains("'\"x\"'", errors["seed"][0]);
        var notJson = await client.PostAsync("/api/forecasts", new StringContent("{horizon:", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.NotNull((await InputSamples.ErrorsAsync(notJson))["body"]);

        var qa = await host.ClientAsync(Role.Qa);
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.PostAsJsonAsync("/api/forecasts", Small)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/forecasts/f_nothing")).StatusCode);
    }

    [Fact]
    public async Task A_queued_forecast_is_cancelled_and_an_ended_one_cannot_be()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        await PutHistoryAsync(client, HistorySamples.Csv());
        // Saved as queued without being handed to the worker: it stays queued until cancelled.
        var store = new Logistics.Data.Forecasts.ForecastStore(new Logistics.Data.LogisticsDatabase(Path.Combine(host.DataFolder, "logistics.db")));
        await store.CreateAsync(new Logistics.Data.Forecasts.ForecastRecord("f_waiting", "queued", DateTimeOffset.UtcNow, null, null,
            new Logistics.Data.Forecasts.ForecastJobOptions(3, null, "zero", null, 2, 42), null, null, null, null));

        var cancel = await client.DeleteAsync("/api/forecasts/f_waiting");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var cancelled = await GetJsonAsync(client, "/api/forecasts/f_waiting");
        Assert.Equal("cancelled", (string?)cancelled["status"]);
        Assert.Contains("before it started", (string?)cancelled["note"]);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync("/api/forecasts/f_waiting/depot")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/api/forecasts/f_waiting/cancel", null)).StatusCode);

        var (done, _) = await SucceededAsync(client, Small);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/forecasts/{done}")).StatusCode);
    }
}
