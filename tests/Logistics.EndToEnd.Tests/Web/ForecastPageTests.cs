using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Logistics.Data.Security;
using static Microsoft.Playwright.Assertions;

namespace Logistics.EndToEnd.Tests.Web;

public partial class ForecastPageTests(WebService web) : IClassFixture<WebService>
{
    private const string Stores = """
        store_id,name,lat,lon,tier,windows,service_fixed_min,service_per_carton_s
        S1,Kiosk East,22.8201,108.3702,1,08:00-11:30,3,5
        S2,Market West,22.8105,108.3011,3,08:00-10:30;14:00-16:00,10,4
        """;

    private const string Fleet = """
        vehicle_type,count,capacity_cartons,capacity_kg,shift_start,shift_end,max_route_min,fixed_cost,cost_per_km,cost_per_hour,depot_id,depot_name,depot_lat,depot_lon,depot_open,depot_close
        van,3,300,900,08:00,18:00,540,150,1.20,35,DC1,Nanning DC,22.79,108.30,07:00,19:00
        """;

    /// <summary>Three years of monthly cartons for two stores, February half again above January.</summary>
    private static string History()
    {
        var csv = new StringBuilder("store_id,date,cartons\n");
        foreach (var (store, level) in new[] { ("S1", 120.0), ("S2", 60.0) })
            for (var i = 0; i < 36; i++)
            {
                var month = new DateOnly(2023, 1, 1).AddMonths(i);
                var season = month.Month switch { 2 => 1.6, 5 or 10 => 1.3, 12 => 0.8, _ => 1.0 };
                csv.Append(CultureInfo.InvariantCulture, $"{store},{month:yyyy-MM-dd},{Math.Round(level * season * (1 + 0.01 * i) + i * 7 % 5)}\n");
            }
        return csv.ToString();
    }

    [Fact]
    public async Task A_dispatcher_forecasts_the_history_sees_charts_tables_in_iso_dates_and_turns_a_period_into_orders()
    {
        using var api = web.ApiClient(Role.Dispatcher);
        foreach (var (path, body) in new[] { ("/api/stores", Stores), ("/api/fleet", Fleet), ("/api/history", History()) })
        {
            var response = await api.PutAsync(path, new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("text/csv")));
            Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {await response.Content.ReadAsStringAsync()}");
        }
        var (context, page, problems) = await web.OpenAsync();
        await using var _ = context;
        await web.SignInAsync(page, Role.Dispatcher);
        await page.ClickAsync("#pages a[href='forecast.html']");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await Expect(page.Locator("#history-summary")).ToContainTextAsync("2 series, 72 rows from 2023-01-01 to 2025-12-01");

        await page.FillAsync("#horizon", "3");
        await page.FillAsync("#origins", "2");
        await page.ClickAsync("#start");
        await Expect(page.Locator("#progress-text")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 120_000 });
        await page.WaitForSelectorAsync("#result[data-forecast]");
        var id = await page.Locator("#result").GetAttributeAsync("data-forecast");
        await Expect(page.Locator("#result-title")).ToContainTextAsync("3 × month from 2026-01-01 to 2026-03-01");

        // The depot chart: history and the forecast's three months, ticks written as ISO dates in an en-US browser.
        var depot = page.Locator("#depot-chart .chart");
        await Expect(depot).ToHaveAttributeAsync("data-points", "3");
        var ticks = (await depot.GetAttributeAsync("data-x-ticks"))!.Split('|');
        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.Matches(IsoDay(), t));
        await Expect(page.Locator("#depot-chart canvas")).ToHaveCountAsync(1);

        // Any store: its own chart.
        await page.SelectOptionAsync("#series", "S2");
        await Expect(page.Locator("#series-chart .chart")).ToHaveAttributeAsync("data-series", "S2");

        // Trucks needed per month, at the default 85% of three 300-carton vans.
        var rows = page.Locator("#trucks-needed tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        Assert.Equal(["2026-01-01", "2026-02-01", "2026-03-01"], await page.Locator("#trucks-needed tbody tr td:first-child").AllInnerTextsAsync());
        await Expect(page.Locator("#trucks-fleet")).ToContainTextAsync("3 vehicles");

        // February rises above January: both stores are listed to stock up, with ISO months in the header.
        await Expect(page.Locator("#stock-up-months")).ToHaveTextAsync("2026-02 against 2026-01");
        await Expect(page.Locator("#stock-up-list tbody tr")).ToHaveCountAsync(2);

        // The backtest per method, seasonal naive as the baseline.
        await Expect(page.Locator("#backtest-methods tbody tr", new() { HasText = "seasonal-naive" })).ToContainTextAsync("1.00");

        // The forecast picker names when it was made in the site's ISO form, not the browser's.
        var label = await page.Locator($"#forecasts option[value='{id}']").InnerTextAsync();
        Assert.Matches(@"^made \d{4}-\d{2}-\d{2} \d{2}:\d{2} · 3 × auto · succeeded$", label);

        // What-if: February as the orders of a delivery day, with a link to plan it.
        await page.SelectOptionAsync("#what-if-period", "2026-02-01");
        await page.FillAsync("#what-if-date", "2026-02-03");
        await page.ClickAsync("#what-if-orders");
        await Expect(page.Locator("#what-if-result")).ToContainTextAsync("2 orders");
        await Expect(page.Locator("#plan-link")).ToHaveAttributeAsync("href", "dispatch.html?date=2026-02-03");
        var orders = JsonNode.Parse(await api.GetStringAsync("/api/orders?date=2026-02-03"))!.AsArray();
        Assert.Equal(2, orders.Count);
        await WebService.ScreenshotAsync(page, "forecast");

        await page.ClickAsync("#plan-link");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await Expect(page.Locator("#date")).ToHaveValueAsync("2026-02-03");
        await Expect(page.Locator("#day-summary")).ToContainTextAsync("2 orders");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Qa_reads_the_forecast_page_without_the_controls_that_change_things()
    {
        var (context, page, problems) = await web.OpenAsync();
        await using var _ = context;
        await web.SignInAsync(page, Role.Qa);
        await WebService.GoToAsync(page, "/forecast.html");
        await Expect(page.Locator("#start")).ToBeHiddenAsync();
        await Expect(page.Locator("#history-replace")).ToBeHiddenAsync();
        await Expect(page.Locator("#what-if")).ToBeHiddenAsync();
        await Expect(page.Locator("#history-summary")).Not.ToBeEmptyAsync();
        Assert.DoesNotContain(problems, p => p.StartsWith("page error", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDay();
}
