using System.Net.Http.Json;
using Logistics.Data;
using Logistics.Data.Jobs;
using Logistics.Data.Plans;
using Logistics.Data.Security;
using static Logistics.Service.Tests.Planning.PlanApiClient;

namespace Logistics.Service.Tests.Planning;

public class RestartTests
{
    [Fact]
    public async Task A_job_left_running_by_a_dead_instance_is_taken_over_and_solved_again_and_a_queued_one_runs()
    {
        using var host = new PlanningHost();
        // The database as an instance that died mid-solve left it: one job running under its expired lease, one waiting.
        var database = new LogisticsDatabase(Path.Combine(host.DataFolder, "logistics.db"));
        await database.MigrateAsync();
        var store = new PlanStore(database, new JobInstance("dead-instance", TimeSpan.FromSeconds(5)));
        var options = new PlanJobOptions(1, null, false, []);
        await store.CreateAsync(new PlanRecord("p_was_running", PlanningHost.Day, PlanStatus.Queued, null, DateTimeOffset.UtcNow.AddMinutes(-1), null, null, options, null, null, null, null), null);
        Assert.Equal("p_was_running", (await store.ClaimAsync(DateTimeOffset.UtcNow.AddSeconds(-10)))!.Id);
        await store.CreateAsync(new PlanRecord("p_was_queued", PlanningHost.Day, PlanStatus.Queued, null, DateTimeOffset.UtcNow, null, null, options, null, null, null, null), null);

        var client = await host.ClientAsync(Role.Dispatcher);

        Assert.Equal("succeeded", (string?)(await WaitEndedAsync(client, "p_was_running"))[^1]["status"]);
        var history = await store.HistoryAsync("p_was_running");
        Assert.Equal(2, history.Count);
        Assert.Equal(("dead-instance", "claimed and started"), (history[0].Instance, history[0].Event));
        Assert.StartsWith("taken over from dead-instance (its lease expired at ", history[1].Event);
        var shown = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/plans/p_was_running/history");
        Assert.Equal(history.Select(h => h.Event), shown!.Select(e => (string)e!["event"]!));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/plans/p_nope/history")).StatusCode);
        Assert.Equal("succeeded", (string?)(await WaitEndedAsync(client, "p_was_queued"))[^1]["status"]);
    }
}
