using Logistics.Data;
using Logistics.Data.Forecasts;
using Logistics.Data.Security;
using Logistics.Forecasting.History;
using Logistics.Service.Forecasts;
using static Logistics.Service.Tests.Forecasts.ForecastApiClient;

namespace Logistics.Service.Tests.Forecasts;

public class ForecastRestartTests
{
    [Fact]
    public async Task A_forecast_left_running_by_a_stopped_service_is_failed_at_start_and_a_queued_one_runs()
    {
        using var host = new ServiceHost();
        // The database as a service that stopped mid-forecast left it: one job running, one waiting.
        var database = new LogisticsDatabase(Path.Combine(host.DataFolder, "logistics.db"));
        await database.MigrateAsync();
        await new HistoryStore(database).ReplaceAllAsync(HistoryCsv.Read(new StringReader(HistorySamples.Csv()), "history.csv").Points);
        var store = new ForecastStore(database);
        var options = new ForecastJobOptions(3, null, "zero", ["seasonal-naive", "ets"], 2, 42);
        await store.CreateAsync(new ForecastRecord("f_was_running", "queued", DateTimeOffset.UtcNow, null, null, options, null, null, null, null));
        Assert.True(await store.StartAsync("f_was_running", DateTimeOffset.UtcNow));
        await store.CreateAsync(new ForecastRecord("f_was_queued", "queued", DateTimeOffset.UtcNow, null, null, options, null, null, null, null));

        var client = await host.ClientAsync(Role.Dispatcher);

        var failed = (await WaitEndedAsync(client, "f_was_running"))[^1];
        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Equal(ForecastWorker.RestartedError, (string?)failed["error"]);
        var ran = (await WaitEndedAsync(client, "f_was_queued"))[^1];
        Assert.Equal("succeeded", (string?)ran["status"]);
        Assert.Equal(4, (int)ran["summary"]!["series"]!);
    }
}
