using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Logistics.Data.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Logistics.EndToEnd.Tests.Web;

public class DispatcherPageTests(WebService web) : IClassFixture<WebService>
{
    /// <summary>Markup in store names must show as text: the page would set these globals if it ran them.</summary>
    private const string ScriptName = "<script>window.__xss = 1</script>南宁便利店";
    private const string ImageName = "<img src=x onerror=\"window.__xss = 2\">青秀超市";

    [Fact]
    public async Task A_dispatcher_generates_a_day_plans_it_with_progress_and_sees_every_route_stop_and_unassigned_order()
    {
        var date = WebService.SiteYesterday();
        var (context, page, problems) = await web.OpenAsync();
        await using var _ = context;
        await web.SignInAsync(page, Role.Dispatcher);
        await page.ClickAsync("#pages a[href='dispatch.html']");
        await page.WaitForSelectorAsync("body[data-ready='true']");

        // A big day for one truck, so that some orders cannot be placed and the unassigned list has rows.
        await page.FillAsync("#date", date);
        await page.FillAsync("#demo-stores", "150");
        await page.FillAsync("#demo-seed", "7");
        await page.FillAsync("#demo-trucks", "1");
        await page.ClickAsync("#generate");
        await Expect(page.Locator(".message.note")).ToContainTextAsync("Generated 150 stores");
        // One vehicle is "1 vehicle", not "1 vehicles".
        await Expect(page.Locator(".message.note")).ToContainTextAsync(" and 1 vehicle for ");
        await Expect(page.Locator("#day-summary")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^150 stores, 1 vehicle, \d+ orders"));
        await RenameFirstStoresAsync();

        await page.FillAsync("#time-limit", "4");
        await page.ClickAsync("#plan");
        var seen = await WatchProgressAsync(page);
        Assert.True(seen.Statuses[^1] == "succeeded", $"statuses seen: {string.Join(", ", seen.Statuses)}; the page says: {await page.InnerTextAsync("#messages")}");
        Assert.Contains("running", seen.Statuses);
        Assert.True(seen.MaxFraction > 0, $"the progress bar never moved (statuses seen: {string.Join(", ", seen.Statuses)})");

        // The status line turns "succeeded" before the plan is fetched and drawn.
        await page.WaitForSelectorAsync("#result-panel[data-plan]");
        var planId = await page.Locator("#result-panel").GetAttributeAsync("data-plan");
        Assert.Equal(planId, await page.Locator("#plans").InputValueAsync());
        // The picker tells plans apart by what a dispatcher knows them by, not by their hex ids.
        var label = await page.Locator($"#plans option[value='{planId}']").InnerTextAsync();
        Assert.Matches($@"^{date} · (\S+ · )?\d+ yuan · \d+ routes? · made \d{{4}}-\d{{2}}-\d{{2}} \d{{2}}:\d{{2}} · succeeded$", label);
        Assert.DoesNotContain(planId!, label);
        using var api = web.ApiClient(Role.Dispatcher);
        var plan = JsonNode.Parse(await api.GetStringAsync($"/api/plans/{planId}/result"))!;
        var routes = plan["routes"]!.AsArray();
        var stops = routes.Sum(r => r!["stops"]!.AsArray().Count);
        var unassigned = plan["unassigned"]!.AsArray().Count;
        Assert.True(routes.Count > 0 && unassigned > 0, $"the day should need more than one truck: {routes.Count} routes, {unassigned} unassigned");

        await Expect(page.Locator("path.route-line")).ToHaveCountAsync(routes.Count);
        await Expect(page.Locator(".stop-marker")).ToHaveCountAsync(stops);
        await Expect(page.Locator(".depot-marker")).ToHaveCountAsync(plan["depots"]!.AsArray().Count);
        await Expect(page.Locator(".route-card")).ToHaveCountAsync(routes.Count);
        await Expect(page.Locator(".route-stops tbody tr")).ToHaveCountAsync(stops);
        await Expect(page.Locator("#unassigned-table tbody tr")).ToHaveCountAsync(unassigned);
        var firstReason = plan["unassigned"]![0]!["reason"]!.GetValue<string>();
        Assert.NotEmpty(await page.Locator($"#unassigned-table td[title='{firstReason}']").AllAsync());
        // Tier on the markers: each stop marker carries its stop's tier.
        var tierOne = routes.Sum(r => r!["stops"]!.AsArray().Count(s => s!["tier"]!.GetValue<int>() == 1));
        await Expect(page.Locator(".stop-marker.tier-1")).ToHaveCountAsync(tierOne);
        await WebService.ScreenshotAsync(page, "dispatch-plan");

        // The renamed stores (when planned) show their names as text; nothing in them ran.
        var names = routes.SelectMany(r => r!["stops"]!.AsArray()).Select(s => s!["storeName"]!.GetValue<string>())
            .Concat(plan["unassigned"]!.AsArray().Select(u => u!["storeName"]!.GetValue<string>())).ToHashSet();
        Assert.True(names.Contains(ScriptName) || names.Contains(ImageName), "the renamed stores have no orders on this day");
        foreach (var name in new[] { ScriptName, ImageName }.Where(names.Contains))
            Assert.NotEmpty(await page.GetByText(name).AllAsync());
        Assert.Null(await page.EvaluateAsync<int?>("window.__xss ?? null"));

        // Zoomed in, the stops carry their store names: the map without tiles still tells where is what.
        for (var i = 0; i < 8 && await page.Locator("#map.show-names").CountAsync() == 0; i++)
        {
            await page.ClickAsync(".leaflet-control-zoom-in");
            await Task.Delay(400); // a click during the zoom animation is dropped
        }
        await Expect(page.Locator("#map.show-names")).ToHaveCountAsync(1);
        await Expect(page.Locator(".leaflet-control-scale")).ToHaveCountAsync(1);
        await page.Locator("#map").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebService.ScreenshotFolder, "dispatch-map-zoomed.png") });

        await page.ClickAsync("#publish");
        await Expect(page.Locator(".message.note")).ToContainTextAsync($"Published {routes.Count} route{(routes.Count == 1 ? "" : "s")} to");
        await Expect(page.Locator("#legend")).ToContainTextAsync("→ T-001");
        // The route header says which is the vehicle type and which the truck.
        var header = page.Locator(".route-card h3").First;
        await Expect(header.Locator(".vehicle-type")).ToHaveTextAsync($" · vehicle type {routes[0]!["vehicleType"]!.GetValue<string>()}");
        await Expect(header.Locator(".truck")).ToHaveTextAsync(" · truck T-001");

        // Adjusting: an unassigned store onto the one route. The page shows what the service decided,
        // the re-timed plan or the reason it refused.
        var row = page.Locator("#unassigned-table tbody tr").First;
        var storeId = plan["unassigned"]![0]!["storeId"]!.GetValue<string>();
        await row.Locator("select").SelectOptionAsync(routes[0]!["routeId"]!.GetValue<string>());
        await row.Locator("button", new() { HasText = "Move" }).ClickAsync();
        await Expect(page.Locator(".message").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex($"Store {storeId} moved|cannot go on that route"));
        var after = JsonNode.Parse(await api.GetStringAsync($"/api/plans/{planId}/result"))!;
        var moved = after["routes"]![0]!["stops"]!.AsArray().Any(st => st!["storeId"]!.GetValue<string>() == storeId);
        var routeTable = page.Locator(".route-card").First.Locator("tbody");
        if (moved) await Expect(routeTable).ToContainTextAsync(storeId);
        else await Expect(page.Locator(".message.error").First).ToContainTextAsync("cannot go on that route");
        await Expect(page.Locator(".stop-marker")).ToHaveCountAsync(after["routes"]!.AsArray().Sum(r => r!["stops"]!.AsArray().Count));
        Assert.DoesNotContain(problems, p => p.StartsWith("page error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dispatcher_plans_with_or_tools_and_the_plan_says_which_engine_made_it()
    {
        var date = DateOnly.ParseExact(WebService.SiteYesterday(), "yyyy-MM-dd").AddDays(-1).ToString("yyyy-MM-dd");
        var (context, page, _) = await web.OpenAsync();
        await using var __ = context;
        await web.SignInAsync(page, Role.Dispatcher);
        await WebService.GoToAsync(page, "/dispatch.html");
        await page.WaitForSelectorAsync("body[data-ready='true']");

        // The select offers what the API accepts, with the API's default chosen.
        Assert.Equal(["ils", "ortools"], await page.Locator("#engine option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        Assert.Equal("ils", await page.Locator("#engine").InputValueAsync());

        await page.FillAsync("#date", date);
        await page.FillAsync("#demo-stores", "40");
        await page.FillAsync("#demo-seed", "3");
        await page.FillAsync("#demo-trucks", "2");
        await page.ClickAsync("#generate");
        await Expect(page.Locator(".message.note")).ToContainTextAsync("Generated 40 stores");
        await page.SelectOptionAsync("#engine", "ortools");
        await page.FillAsync("#time-limit", "2");
        await page.ClickAsync("#plan");

        await page.WaitForSelectorAsync("#result-panel[data-plan]", new() { Timeout = 60_000 });
        await Expect(page.Locator("#totals")).ToContainTextAsync("made by Google OR-Tools");
        await Expect(page.Locator("#plan-notes")).ToContainTextAsync("no seed");
        var planId = await page.Locator("#result-panel").GetAttributeAsync("data-plan");
        Assert.Contains($"{date} · ortools · ", await page.Locator($"#plans option[value='{planId}']").InnerTextAsync());
    }

    [Fact]
    public async Task Bad_input_shows_the_fields_the_service_names()
    {
        var (context, page, _) = await web.OpenAsync();
        await using var __ = context;
        await web.SignInAsync(page, Role.Dispatcher);
        await WebService.GoToAsync(page, "/dispatch.html");

        await page.FillAsync("#date", WebService.SiteYesterday());
        await page.FillAsync("#time-limit", "6000");
        await page.ClickAsync("#plan");

        var error = page.Locator(".message.error");
        await Expect(error).ToContainTextAsync("timeLimitSeconds");
        await Expect(error).ToContainTextAsync("6000");
    }

    /// <summary>Gives two stores names with markup, through the API as an import would.</summary>
    private async Task RenameFirstStoresAsync()
    {
        using var api = web.ApiClient(Role.Dispatcher);
        var stores = JsonNode.Parse(await api.GetStringAsync("/api/stores"))!.AsArray();
        stores[0]!["name"] = ScriptName;
        stores[1]!["name"] = ImageName;
        using var response = await api.PutAsync("/api/stores", JsonContent.Create(stores));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private sealed record ProgressSeen(List<string> Statuses, double MaxFraction);

    /// <summary>Reads the progress line and bar as the page updates them, until the job ends.</summary>
    private static async Task<ProgressSeen> WatchProgressAsync(IPage page)
    {
        var statuses = new List<string>();
        var maxFraction = 0.0;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var status = await page.Locator("#progress-text").GetAttributeAsync("data-status");
            var fraction = await page.EvaluateAsync<double>("document.getElementById('progress').value");
            maxFraction = Math.Max(maxFraction, fraction);
            if (status is not null && (statuses.Count == 0 || statuses[^1] != status))
            {
                statuses.Add(status);
                if (status == "running") await WebService.ScreenshotAsync(page, "dispatch-progress");
            }
            if (status is "succeeded" or "failed" or "cancelled") return new ProgressSeen(statuses, maxFraction);
            await Task.Delay(150);
        }
        throw new TimeoutException($"the plan did not finish; statuses seen: {string.Join(", ", statuses)}");
    }
}
