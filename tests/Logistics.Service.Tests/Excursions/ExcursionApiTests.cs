using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Data.Security;
using Logistics.Service.Tests.Telemetry;
using Xunit;

namespace Logistics.Service.Tests.Excursions;

/// <summary>A truck drives its published route while the device reports readings and positions; its cargo goes to
/// 27–29.5 °C from 08:55 to 09:25 (after stop 2 left, before stop 3), the engine raises and clears the alert, and QA
/// finds which deliveries were on board.</summary>
public class ExcursionApiTests(ExcursionHost host) : IClassFixture<ExcursionHost>
{
    private static readonly TimeOnly ExcursionStart = new(8, 55), ExcursionEnd = new(9, 25), PeakTime = new(9, 10);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _id;

    private async Task<(HttpClient Qa, string Id)> ExcursionAsync()
    {
        var qa = await host.ClientAsync(Role.Qa);
        await Once.WaitAsync();
        try
        {
            if (_id is not null) return (qa, _id);
            await TruckDevice.WaitForListenerAsync(qa, "T-047");
            await using (var device = await TruckDevice.ConnectAsync(ExcursionHost.Truck))
            {
                for (var t = new TimeOnly(8, 0); t <= new TimeOnly(10, 0); t = t.AddMinutes(0.5))
                {
                    var (location, door) = Where(t);
                    await device.SendAsync(ExcursionHost.At(t), [("front", Temperature(t), 58)], door, (location.Latitude, location.Longitude));
                }
            }
            // The alert consumer can clear the alert before the InfluxDB writer has stored the readings that
            // follow the excursion: measure only once every message received is stored.
            await Eventually.GetAsync(() => qa.GetFromJsonAsync<JsonElement>("/api/telemetry/stats"),
                s => s.GetProperty("received").GetInt64() >= 241 &&
                     s.GetProperty("messagesStored").GetInt64() + s.GetProperty("rejectedTotal").GetInt64() >= s.GetProperty("received").GetInt64(),
                "every reading stored");
            var list = await Eventually.GetAsync(() => qa.GetFromJsonAsync<JsonElement>($"/api/excursions?truck={ExcursionHost.Truck}"),
                l => l.GetArrayLength() == 1 && l[0].GetProperty("end").ValueKind == JsonValueKind.String, "the cleared excursion alert");
            _id = list[0].GetProperty("id").GetString()!;
            return (qa, _id);
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>27 °C from 08:55, a peak of 29.5 at 09:10, 28 after it, back to 20 at 09:25.</summary>
    private static double Temperature(TimeOnly t) =>
        t < ExcursionStart || t >= ExcursionEnd ? 20 : t < PeakTime ? 27 : t == PeakTime ? 29.5 : 28;

    /// <summary>At the store with the door open from the planned arrival to just before the departure; between stores otherwise.</summary>
    private static (Logistics.Core.Coordinates, bool) Where(TimeOnly t)
    {
        var stops = ExcursionHost.Route.Stops;
        foreach (var s in stops)
            if (t >= s.Arrival && t < s.Departure) return (s.Location, true);
        var next = stops.FirstOrDefault(s => s.Arrival > t);
        var previous = stops.LastOrDefault(s => s.Departure <= t);
        var a = previous?.Location ?? ExcursionHost.Depot;
        var b = next?.Location ?? ExcursionHost.Depot;
        return (new((a.Latitude + b.Latitude) / 2, (a.Longitude + b.Longitude) / 2), false);
    }

    [Fact]
    public async Task Excursion_has_start_end_peak_duration_and_mkt_from_the_readings()
    {
        var (qa, id) = await ExcursionAsync();
        var detail = await qa.GetFromJsonAsync<JsonElement>($"/api/excursions/{id}");
        var e = detail.GetProperty("excursion");
        Assert.Equal("temperature", e.GetProperty("quantity").GetString());
        Assert.Equal("front", e.GetProperty("sensor").GetString());
        Assert.Equal(ExcursionHost.At(ExcursionStart), e.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(ExcursionHost.At(ExcursionEnd), e.GetProperty("end").GetDateTimeOffset());
        Assert.Equal(29.5, e.GetProperty("peak").GetDouble());
        Assert.Equal(ExcursionHost.At(PeakTime), e.GetProperty("peakAt").GetDateTimeOffset());
        Assert.Equal(30, e.GetProperty("durationMinutes").GetDouble());
        // By hand: 30 readings of 27 °C, one of 29.5, 29 of 28; (ΔH/R) / -ln(mean of exp(-(ΔH/R)/T)) = 27.54 °C.
        Assert.Equal(27.54, e.GetProperty("meanKineticTemperatureC").GetDouble());
        Assert.Equal(("warning", 15.0, 25.0), (e.GetProperty("band").GetProperty("level").GetString(),
            e.GetProperty("band").GetProperty("min").GetDouble(), e.GetProperty("band").GetProperty("max").GetDouble()));
        Assert.Equal(id, e.GetProperty("alertId").GetString());
        Assert.Equal(60, detail.GetProperty("readings").GetArrayLength());
    }

    [Fact]
    public async Task Deliveries_still_on_board_after_stop_2_are_affected_with_their_exposure()
    {
        var (qa, id) = await ExcursionAsync();
        var report = await qa.GetFromJsonAsync<JsonElement>($"/api/excursions/{id}/deliveries");
        Assert.Equal(("plan-1", "van-01"), (report.GetProperty("planId").GetString(), report.GetProperty("routeId").GetString()));
        var deliveries = report.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Equal(["S-003", "S-004"], deliveries.Select(d => d.GetProperty("storeId").GetString()));
        var s3 = deliveries[0];
        Assert.Equal("door", s3.GetProperty("actualSource").GetString());
        Assert.Equal(ExcursionHost.At(new TimeOnly(9, 10)), s3.GetProperty("actualArrival").GetDateTimeOffset());
        Assert.Equal(ExcursionHost.At(new TimeOnly(8, 0)), s3.GetProperty("onBoardFrom").GetDateTimeOffset());
        Assert.Equal(ExcursionHost.At(new TimeOnly(9, 19, 30)), s3.GetProperty("onBoardUntil").GetDateTimeOffset());
        Assert.Equal(24.5, s3.GetProperty("exposureMinutes").GetDouble());
        Assert.Equal(12, s3.GetProperty("cartons").GetInt32());
        Assert.Equal(["O-S-003"], s3.GetProperty("orderIds").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(30, deliveries[1].GetProperty("exposureMinutes").GetDouble());
    }

    [Fact]
    public async Task Reports_as_csv_and_printable_page_escape_store_names()
    {
        var (qa, id) = await ExcursionAsync();
        var csv = await qa.GetAsync($"/api/excursions/{id}/report.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("excursion_id,truck,sensor", lines[0]);
        Assert.Contains(",S-003,Shop <b>&Co,", lines[1]);
        Assert.Contains(",S-004,\"'=HYPERLINK(\"\"x\"\")\",", lines[2]);

        var page = await qa.GetAsync($"/reports/excursions/{id}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Shop &lt;b&gt;&amp;Co", html);
        Assert.DoesNotContain("<b>&Co", html);
        Assert.Contains("@media print", html);
    }

    [Fact]
    public async Task Excursions_are_for_qa_and_unknown_ids_are_404()
    {
        var dispatcher = await host.ClientAsync(Role.Dispatcher);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/excursions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync($"/reports/excursions/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync($"/reports/excursions/{Guid.NewGuid()}")).StatusCode);
        var qa = await host.ClientAsync(Role.Qa);
        Assert.Equal(HttpStatusCode.NotFound, (await qa.GetAsync($"/api/excursions/{Guid.NewGuid()}/deliveries")).StatusCode);
        await TelemetryApiTests.AssertRejectedAsync(await qa.GetAsync("/api/excursions?truck=T%3B1"), "truck", "T;1");
    }
}
