using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Logistics.Data.Security;
using Logistics.EndToEnd.Tests.Telemetry;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Logistics.EndToEnd.Tests.Web;

public class QaPageTests(WebService web) : IClassFixture<WebService>
{
    /// <summary>Truck 1 drives route 1 once published (the default assignment).</summary>
    private const string Truck = "T-001";

    private const string LiveTruck = "T-002";

    [Fact]
    public async Task QA_sees_an_excursion_appear_acknowledges_its_alert_and_opens_the_deliveries_on_board()
    {
        var (departure, routeStops) = await PublishedRouteOfYesterdayAsync();

        // The device reports a reefer failure 20 minutes after leaving the depot: in band for 5 minutes,
        // then 10 minutes at 33 °C, past the tobacco profile's critical 30 °C, and still there (the
        // excursion and its alert stay open).
        var start = departure.AddMinutes(15);
        await using (var device = await DevicePublisher.ConnectAsync(Truck))
        {
            await device.PublishAllAsync(Enumerable.Range(0, 6 * 15).Select(i =>
            {
                var temperature = i >= 6 * 5 ? 33.0 : 20.0;
                return Payloads.Message(Truck, i + 1, start.AddSeconds(i * 10), new Payloads.Reading("front", temperature, 55));
            }));
        }
        // Another truck on the road now, in band: fleet status shows its newest readings.
        var now = DateTimeOffset.UtcNow.AddSeconds(-30);
        await using (var device = await DevicePublisher.ConnectAsync(LiveTruck))
        {
            await device.PublishAllAsync(Enumerable.Range(0, 3).Select(i =>
                Payloads.Message(LiveTruck, i + 1, now.AddSeconds(i * 10), new Payloads.Reading("front", 20.5, 57), new Payloads.Reading("rear", 21.5, 58))));
        }

        var (context, page, problems) = await web.OpenAsync();
        await using var _ = context;
        await web.SignInAsync(page, Role.Qa);
        await page.ClickAsync("#pages a[href='qa.html']");
        await page.WaitForSelectorAsync("body[data-ready='true']");

        // The page refreshes by itself: the alert and the excursion appear without a reload.
        var alertRow = page.Locator($"#alert-table tbody tr[data-truck='{Truck}']").First;
        await Expect(alertRow).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(alertRow).ToContainTextAsync("critical");
        await Expect(page.Locator($"#fleet-table tbody tr[data-truck='{LiveTruck}']")).ToContainTextAsync("front 20.5 °C / 57 % · rear 21.5 °C / 58 %");
        await Expect(page.Locator($"#fleet-table tbody tr[data-truck='{Truck}'] td.alerting")).ToHaveTextAsync("1");
        var excursionRow = page.Locator("#excursion-table tbody tr", new() { HasText = Truck }).First;
        await Expect(excursionRow).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await WebService.ScreenshotAsync(page, "qa-alert-open");

        var alertId = await alertRow.GetAttributeAsync("data-alert");
        await alertRow.Locator("input[name='comment']").FillAsync("Reefer restarted by the driver; cartons checked");
        await alertRow.Locator("button[type='submit']").ClickAsync();
        await Expect(page.Locator(".message.note")).ToContainTextAsync($"Alert on {Truck} acknowledged");
        await Expect(page.Locator($"#alert-table tbody tr[data-alert='{alertId}']")).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#alert-state", "acknowledged");
        await Expect(page.Locator($"#alert-table tbody tr[data-alert='{alertId}']")).ToContainTextAsync("e2e qa: Reefer restarted by the driver");

        using var api = web.ApiClient(Role.Qa);
        var audit = JsonNode.Parse(await api.GetStringAsync($"/api/alerts/{alertId}/audit"))!.AsArray();
        Assert.Contains(audit, e => e!.ToJsonString().Contains("e2e qa", StringComparison.Ordinal));

        await excursionRow.ClickAsync();
        var excursionId = await excursionRow.GetAttributeAsync("data-excursion");
        var affected = JsonNode.Parse(await api.GetStringAsync($"/api/excursions/{excursionId}/deliveries"))!;
        var deliveries = affected["deliveries"]!.AsArray();
        Assert.NotEmpty(deliveries);
        Assert.True(deliveries.Count <= routeStops);
        await Expect(page.Locator("#delivery-table tbody tr")).ToHaveCountAsync(deliveries.Count);
        await Expect(page.Locator("#excursion-route")).ToContainTextAsync($"route {affected["routeId"]!.GetValue<string>()}");
        await Expect(page.Locator("#delivery-table")).ToContainTextAsync(deliveries[0]!["storeName"]!.GetValue<string>());
        await WebService.ScreenshotAsync(page, "qa-excursion-deliveries");

        // The CSV downloads with the key (a plain link could not send it).
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#excursion-csv"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains(deliveries[0]!["storeId"]!.GetValue<string>(), csv);

        // The history chart of the readings, with the excursion's span.
        await page.FillAsync("#history-truck", Truck);
        await page.FillAsync("#history-from", LocalInput(start.AddMinutes(-5)));
        await page.FillAsync("#history-to", LocalInput(start.AddMinutes(20)));
        await page.ClickAsync("#history-show");
        await Expect(page.Locator(".chart[data-quantity='temperature'] canvas")).ToHaveCountAsync(1);
        await Expect(page.Locator(".chart[data-quantity='temperature'] h3")).ToContainTextAsync("excursion (1)");
        await Expect(page.Locator("#history-profile")).ToContainTextAsync("profile tobacco");
        // The axis is in the site's zone and 24-hour clock although the browser is in New York with a US locale.
        var chart = page.Locator(".chart[data-quantity='temperature']");
        await Expect(chart).ToHaveAttributeAsync("data-x-ticks", new System.Text.RegularExpressions.Regex(@"^\d{2}:\d{2}(\|\d{2}:\d{2})*$"));
        var (first, last) = (LocalInput(start.AddMinutes(-5)), LocalInput(start.AddMinutes(20)));
        if (first[..10] == last[..10])
        {
            foreach (var tick in (await chart.GetAttributeAsync("data-x-ticks"))!.Split('|'))
                Assert.InRange(string.CompareOrdinal(tick, first[11..]) >= 0 && string.CompareOrdinal(tick, last[11..]) <= 0 ? 1 : 0, 1, 1);
        }
        Assert.DoesNotMatch(@"\b(AM|PM|am|pm)\b", await page.InnerTextAsync("main"));
        await page.Locator("#history").ScreenshotAsync(new() { Path = Path.Combine(WebService.ScreenshotFolder, "qa-history.png") });
        Assert.DoesNotContain(problems, p => p.StartsWith("page error", StringComparison.Ordinal));
    }

    /// <summary>As a dispatcher through the API: yesterday's demo day, planned and published; answers
    /// when truck 1 left the depot (UTC) and how many stops its route has.</summary>
    private async Task<(DateTimeOffset Departure, int Stops)> PublishedRouteOfYesterdayAsync()
    {
        var date = WebService.SiteYesterday();
        using var api = web.ApiClient(Role.Dispatcher);
        await Ok(await api.PostAsJsonAsync("/api/demo-day", new { date, stores = 40, seed = 3, trucks = 2 }));
        var job = JsonNode.Parse(await Ok(await api.PostAsJsonAsync("/api/plans", new { date, timeLimitSeconds = 2 })))!;
        var id = job["id"]!.GetValue<string>();
        for (var i = 0; i < 120 && job["status"]!.GetValue<string>() is "queued" or "running"; i++)
        {
            await Task.Delay(500);
            job = JsonNode.Parse(await api.GetStringAsync($"/api/plans/{id}"))!;
        }
        Assert.Equal("succeeded", job["status"]!.GetValue<string>());
        var published = JsonNode.Parse(await Ok(await api.PostAsJsonAsync($"/api/plans/{id}/publish", new { })))!;
        var routeId = published["trucks"]!.AsObject().Single(t => t.Value!.GetValue<string>() == Truck).Key;
        var plan = JsonNode.Parse(await api.GetStringAsync($"/api/plans/{id}/result"))!;
        var route = plan["routes"]!.AsArray().Single(r => r!["routeId"]!.GetValue<string>() == routeId)!;
        var local = DateOnly.Parse(date).ToDateTime(TimeOnly.Parse(route["departure"]!.GetValue<string>()));
        return (new DateTimeOffset(local, WebService.SiteZone.GetUtcOffset(local)), route["stops"]!.AsArray().Count);
    }

    private static async Task<string> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return body;
    }

    /// <summary>A time field's value: the site's wall time, yyyy-MM-dd HH:mm (whatever the browser's own zone).</summary>
    private static string LocalInput(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WebService.SiteZone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
