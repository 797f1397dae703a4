using Logistics.Data;
using Logistics.Data.Forecasts;
using Logistics.Data.Jobs;
using Logistics.Data.Security;
using Logistics.Forecasting.History;
using static Logistics.Service.Tests.Forecasts.ForecastApiClient;

namespace Logistics.Service.Tests.Forecasts;

public class ForecastRestartTests
{
    [Fact]
    public async Task A_forecast_left_running_by_a_dead_instance_is_taken_over_and_run_again_and_a_queued_one_runs()
    {
        using var host = new ServiceHost();
        // The database as an instance that died mid-forecast left it: one job running under its expired lease, one waiting.
        var database = new LogisticsDatabase(Path.Combine(host.DataFolder, "logistics.db"));
        await database.MigrateAsync();
        await new HistoryStore(database).ReplaceAllAsync(HistoryCsv.Read(new StringReader(HistorySamples.Csv()), "history.csv").Points);
        var dead = new ForecastStore(database, new JobInstance("dead-instance", TimeSpan.FromSeconds(5)));
        var options = new ForecastJobOptions(3, null, "zero", ["seasonal-naive", "ets"], 2, 42);
        await dead.CreateAsync(new ForecastRecord("f_was_running", "queued", DateTimeOffset.UtcNow.AddMinutes(-1), null, null, options, null, null, null, null));
        Assert.Equal("f_was_running", (await dead.ClaimAsync(DateTimeOffset.UtcNow.AddSeconds(-10)))!.Id);
        await dead.CreateAsync(new ForecastRecord("f_was_queued", "queued", DateTimeOffset.UtcNow, null, null, options, null, null, null, null));

        var client = await host.ClientAsync(Role.Dispatcher);

        var takenOver = (await WaitEndedAsync(client, "f_was_running"))[^1];
        Assert.Equal("succeeded", (string?)takenOver["status"]);
        var history = await dead.HistoryAsync("f_was_running");
        Assert.Equal(2, history.Count);
        Assert.Equal("dead-instance", history[0].Instance);
        Assert.StartsWith("taken over from dead-instance (its lease expired at ", history[1].Event);
        Assert.NotEqual("dead-instance", history[1].Instance);
        var ran = (await WaitEndedAsync(client, "f_was_queued"))[^1];
        Assert.Equal("succeeded", (string?)ran["status"]);
        Assert.Equal(4, (int)ran["summary"]!["series"]!);
    }
}
