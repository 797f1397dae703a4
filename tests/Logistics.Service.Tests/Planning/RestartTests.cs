using Logistics.Data;
using Logistics.Data.Plans;
using Logistics.Data.Security;
using Logistics.Service.Planning;
using static Logistics.Service.Tests.Planning.PlanApiClient;

namespace Logistics.Service.Tests.Planning;

public class RestartTests
{
    [Fact]
    public async Task A_job_left_running_by_a_stopped_service_is_failed_at_start_and_a_queued_one_runs()
    {
        using var host = new PlanningHost();
        // The database as a service that stopped mid-solve left it: one job running, one waiting.
        var database = new LogisticsDatabase(Path.Combine(host.DataFolder, "logistics.db"));
        await database.MigrateAsync();
        var store = new PlanStore(database);
        var options = new PlanJobOptions(1, null, false, []);
        await store.CreateAsync(new PlanRecord("p_was_running", PlanningHost.Day, PlanStatus.Queued, null, DateTimeOffset.UtcNow, null, null, options, null, null, null, null), null);
        Assert.True(await store.StartAsync("p_was_running", DateTimeOffset.UtcNow));
        await store.CreateAsync(new PlanRecord("p_was_queued", PlanningHost.Day, PlanStatus.Queued, null, DateTimeOffset.UtcNow, null, null, options, null, null, null, null), null);

        var client = await host.ClientAsync(Role.Dispatcher);

        var failed = (await WaitEndedAsync(client, "p_was_running"))[^1];
        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Equal(PlanWorker.RestartedError, (string?)failed["error"]);
        Assert.Equal("succeeded", (string?)(await WaitEndedAsync(client, "p_was_queued"))[^1]["status"]);
    }
}
