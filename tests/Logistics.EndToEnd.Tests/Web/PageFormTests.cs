using System.Globalization;
using System.Text.RegularExpressions;
using Logistics.Data.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Logistics.EndToEnd.Tests.Web;

/// <summary>What every page shares, in a browser whose locale and time zone are not the site's (en-US, New York):
/// no console error, ISO dates and 24-hour times in the site's named zone, and form limits from the API.</summary>
public partial class PageFormTests(WebService web) : IClassFixture<WebService>
{
    [Fact]
    public async Task Every_page_loads_without_a_console_error_and_the_icon_is_served()
    {
        var (context, page, problems) = await web.OpenAsync();
        await using var _ = context;
        await Expect(page.Locator("#sign-in-form")).ToBeVisibleAsync();
        await web.SignInAsync(page, Role.Admin);
        foreach (var path in new[] { "/dispatch.html", "/forecast.html", "/qa.html" })
        {
            await WebService.GoToAsync(page, path);
            // The icon a browser asks for by itself, and the one the page names.
            var icon = await page.EvaluateAsync<string>("(async () => { const r = await fetch(document.querySelector('link[rel=icon]').href); return `${r.status} ${r.headers.get('Content-Type')}`; })()");
            Assert.Equal("200 image/x-icon", icon);
        }
        await WebService.GoToAsync(page, "/qa.html");
        await page.GotoAsync("/");
        await Expect(page.Locator("#user-role")).ToHaveTextAsync(Role.Admin);
        await page.WaitForTimeoutAsync(500);
        Assert.Empty(problems);

        using var http = new HttpClient { BaseAddress = web.BaseUrl };
        using var favicon = await http.GetAsync("/favicon.ico");
        Assert.True(favicon.IsSuccessStatusCode, $"/favicon.ico: {(int)favicon.StatusCode}");
        Assert.Equal("image/x-icon", favicon.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_dispatcher_page_takes_iso_dates_names_the_zone_and_has_the_apis_limits()
    {
        var (context, page, problems) = await web.OpenAsync();
        await using var _ = context;
        await web.SignInAsync(page, Role.Dispatcher);
        await WebService.GoToAsync(page, "/dispatch.html");

        await Expect(page.Locator("#site-zone")).ToHaveTextAsync($"times in {WebService.SiteZone.Id}");
        var date = page.Locator("#date");
        await Expect(date).ToHaveAttributeAsync("type", "text");
        var siteToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, WebService.SiteZone).DateTime);
        Assert.Contains(await date.InputValueAsync(), new[] { siteToday, siteToday.AddDays(-1) }.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        using var api = web.ApiClient(Role.Dispatcher);
        var limits = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/web/settings")).RootElement.GetProperty("limits");
        Assert.Equal(5000, limits.GetProperty("maxDemoStores").GetInt32());
        await Expect(page.Locator("#demo-stores")).ToHaveAttributeAsync("max", "5000");
        await Expect(page.Locator("#demo-trucks")).ToHaveAttributeAsync("max", limits.GetProperty("maxDemoTrucks").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#time-limit")).ToHaveAttributeAsync("min", "1");
        await Expect(page.Locator("#time-limit")).ToHaveAttributeAsync("max", limits.GetProperty("maxTimeLimitSeconds").GetInt32().ToString(CultureInfo.InvariantCulture));

        // A date as the US writes it is refused by the page, naming the form it wants.
        await page.FillAsync("#date", "12/04/2026");
        await page.ClickAsync("#generate");
        await Expect(page.Locator(".message.error").First).ToContainTextAsync("'12/04/2026' is not a date as yyyy-mm-dd");
        Assert.DoesNotContain(problems, p => p.StartsWith("page error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_qa_page_shows_and_takes_site_times_on_a_24_hour_clock()
    {
        var (context, page, problems) = await web.OpenAsync();
        await using var _ = context;
        await web.SignInAsync(page, Role.Qa);
        await WebService.GoToAsync(page, "/qa.html");

        await Expect(page.Locator("#site-zone")).ToHaveTextAsync($"times in {WebService.SiteZone.Id}");
        foreach (var zone in await page.Locator(".zone-name").AllInnerTextsAsync()) Assert.Equal(WebService.SiteZone.Id, zone);
        foreach (var id in new[] { "#history-from", "#history-to" })
        {
            await Expect(page.Locator(id)).ToHaveAttributeAsync("type", "text");
            Assert.Matches(SiteMinute(), await page.Locator(id).InputValueAsync());
        }
        // The default "to" is ten minutes from now at the site, not in New York.
        var to = DateTime.ParseExact(await page.Locator("#history-to").InputValueAsync(), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var siteNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, WebService.SiteZone).DateTime;
        Assert.InRange((to - siteNow).TotalMinutes, 5, 15);
        await Expect(page.Locator("#fleet-updated")).ToHaveTextAsync(new Regex(@"^· \d+ trucks? · \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"));

        // A US-style time is refused by the page; an ISO one is sent as the right UTC instant.
        await page.FillAsync("#history-truck", "T-001");
        await page.FillAsync("#history-from", "12/04/2026, 01:50 AM");
        await page.ClickAsync("#history-show");
        await Expect(page.Locator(".message.error").First).ToContainTextAsync("is not a time as yyyy-mm-dd hh:mm (24-hour clock, Asia/Shanghai)");
        var request = page.WaitForRequestAsync(new Regex("/history\\?"));
        await page.FillAsync("#history-from", "2026-12-04 01:50");
        await page.FillAsync("#history-to", "2026-12-04 13:50");
        await page.ClickAsync("#history-show");
        var url = Uri.UnescapeDataString((await request).Url);
        Assert.Contains("from=2026-12-03T17:50:00.000Z", url);
        Assert.Contains("to=2026-12-04T05:50:00.000Z", url);
        // Whatever the page itself wrote (the messages above quote what the test typed) is on a 24-hour clock.
        foreach (var section in new[] { "#fleet", "#history", "#alerts", "#excursions" })
            Assert.DoesNotMatch(@"\b(AM|PM)\b", await page.InnerTextAsync(section));
        Assert.DoesNotContain(problems, p => p.StartsWith("page error", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")]
    private static partial Regex SiteMinute();
}
