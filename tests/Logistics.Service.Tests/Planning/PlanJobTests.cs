using System.Net;
using System.Net.Http.Json;
using Logistics.Data.Security;
using static Logistics.Service.Tests.Planning.PlanApiClient;

namespace Logistics.Service.Tests.Planning;

public class PlanJobTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    private static readonly string Day = PlanningHost.Day.ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_job_runs_to_succeeded_with_its_progress_growing_and_totals_at_the_end()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        // 6 s: long enough that a busy machine (the whole suite on 2 cores) still shows the progress moving.
        var created = await CreateAsync(client, new { date = Day, timeLimitSeconds = 6, seed = 1 });
        Assert.Equal("queued", (string?)created["status"]);
        Assert.Equal(Day, (string?)created["date"]);

        var seen = await WaitEndedAsync(client, (string)created["id"]!);

        var end = seen[^1];
        Assert.Equal("succeeded", (string?)end["status"]);
        Assert.True((int)end["totals"]!["routes"]! > 0);
        Assert.Equal(1.0, (double)end["progress"]!["fraction"]!);
        Assert.NotNull(end["finishedAt"]);
        var running = seen.Where(p => (string?)p["status"] == "running" && p["progress"] is not null)
            .Select(p => (double)p["progress"]!["elapsedSeconds"]!).ToList();
        Assert.True(running.Distinct().Count() >= 2, $"expected progress to move while running, saw {string.Join(", ", running)}");
        Assert.Equal(running.Order(), running);
        Assert.Equal(6, (int)seen.First(p => p["progress"] is not null)["progress"]!["timeLimitSeconds"]!);
    }

    [Fact]
    public async Task A_queued_job_is_cancelled_at_once_and_a_running_one_keeps_its_best_plan_so_far()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var running = (string)(await CreateAsync(client, new { date = Day, timeLimitSeconds = 120 }))["id"]!;
        // One job at a time (Planning:MaxConcurrentJobs = 1), so the second waits in the queue.
        var queued = (string)(await CreateAsync(client, new { date = Day, timeLimitSeconds = 120 }))["id"]!;
        await WaitAsync(client, running, p => (string?)p["status"] == "running" && p["progress"]?["bestCostYuan"] is not null);

        var cancelQueued = await client.PostAsync($"/api/plans/{queued}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancelQueued.StatusCode);
        Assert.Equal("cancelled", (string?)(await GetAsync(client, queued))["status"]);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/plans/{running}/cancel", null)).StatusCode);
        var end = (await WaitEndedAsync(client, running))[^1];
        Assert.Equal("cancelled", (string?)end["status"]);
        Assert.Contains("best found", (string?)end["note"]);
        Assert.True((double)end["progress"]!["fraction"]! < 0.5);
        var result = await ResultAsync(client, running);
        Assert.NotEmpty(result["routes"]!.AsArray());

        var again = await client.PostAsync($"/api/plans/{running}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"/api/plans/{queued}/result")).StatusCode);
    }

    [Fact]
    public async Task A_bad_date_or_time_limit_is_refused_with_400_naming_the_field_and_value()
    {
        var client = await host.ClientAsync(Role.Dispatcher);

        var response = await client.PostAsJsonAsync("/api/plans", new { date = "2026-13-45", timeLimitSeconds = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response))["errors"]!;
        Assert.Contains("'2026-13-45'", (string?)errors["date"]![0]);
        Assert.Contains("'0'", (string?)errors["timeLimitSeconds"]![0]);

        var tooLong = await JsonAsync(await client.PostAsJsonAsync("/api/plans", new { date = Day, timeLimitSeconds = 601 }));
        Assert.Contains("1 to 600", (string?)tooLong["errors"]!["timeLimitSeconds"]![0]);
        var wrongType = await JsonAsync(await client.PostAsJsonAsync("/api/plans", new { date = Day, timeLimitSeconds = "ten", softWindows = "yes" }));
        Assert.Contains("'\"ten\"'", (string?)wrongType["errors"]!["timeLimitSeconds"]![0]);
        Assert.NotNull(wrongType["errors"]!["softWindows"]);
        var missing = await JsonAsync(await client.PostAsJsonAsync("/api/plans", new { }));
        Assert.Contains("required", (string?)missing["errors"]!["date"]![0]);
        var notJson = await client.PostAsync("/api/plans", new StringContent("{date:", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.NotNull((await JsonAsync(notJson))["errors"]!["body"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/plans?date=23.11.2026")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/plans/p_nothing")).StatusCode);
    }

    [Fact]
    public async Task A_day_without_orders_fails_saying_so()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var id = (string)(await CreateAsync(client, new { date = "2026-12-01", timeLimitSeconds = 1 }))["id"]!;

        var end = (await WaitEndedAsync(client, id))[^1];

        Assert.Equal("failed", (string?)end["status"]);
        Assert.Contains("no orders are saved for 2026-12-01: import them (PUT /api/orders?date=2026-12-01) first", (string?)end["error"]);
    }

    [Fact]
    public async Task Only_dispatchers_and_admins_start_jobs_while_every_role_can_read_them()
    {
        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/plans")).StatusCode);
        var qa = await host.ClientAsync(Role.Qa);
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.PostAsJsonAsync("/api/plans", new { date = Day })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync($"/api/plans?date={Day}")).StatusCode);
        var admin = await host.ClientAsync(Role.Admin);
        var id = (string)(await CreateAsync(admin, new { date = Day, timeLimitSeconds = 1 }))["id"]!;
        var listed = await qa.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/plans?date={Day}");
        Assert.Contains(listed!, p => (string?)p!["id"] == id);
        await WaitEndedAsync(admin, id);
    }
}
