using Logistics.Data;
using Logistics.Data.Forecasts;
using Logistics.Data.Plans;
using Logistics.Forecasting.History;

namespace Logistics.Service.Tests.Forecasts;

/// <summary>The order history and forecast job rows, on both providers (<see cref="TestDatabase.Providers"/>).</summary>
public sealed class HistoryAndForecastStoreTests
{
    private static readonly DateOnly D = new(2026, 1, 5);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task History_replaces_appends_and_sums_one_series_and_date(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = new LogisticsDatabase(test.Database);
        await database.MigrateAsync();
        var history = new HistoryStore(database);

        Assert.Equal(3, await history.ReplaceAllAsync([new("S2", D, 4), new("S1", D, 1.5), new("S1", D, 2), new("S1", D.AddDays(1), 7)]));
        Assert.Equal([new HistoryPoint("S1", D, 3.5), new HistoryPoint("S1", D.AddDays(1), 7), new HistoryPoint("S2", D, 4)], await history.GetAllAsync());
        Assert.Equal(2, await history.AppendAsync([new("S2", D, 9), new("S3", D.AddDays(2), 1)]));
        Assert.Equal([new HistoryPoint("S2", D, 9)], await history.GetSeriesAsync("S2"));
        Assert.Equal(1, await history.ReplaceSeriesAsync([new("S1", D.AddDays(3), 5)]));
        Assert.Equal(["S1", "S2", "S3"], await history.SeriesIdsAsync());
        Assert.Equal(new HistorySummary(3, 3, D, D.AddDays(3), 15), await history.SummaryAsync());
        Assert.Equal(2, await history.DatesBetweenAsync(D, D.AddDays(2)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_forecast_job_is_claimed_oldest_first_ends_once_and_a_cancel_after_its_start_changes_nothing(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = new LogisticsDatabase(test.Database);
        await database.MigrateAsync();
        var store = new ForecastStore(database);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
        var options = new ForecastJobOptions(8, "week", "zero", ["ets"], 3, 7);
        await store.CreateAsync(new ForecastRecord("f_1", PlanStatus.Queued, at, null, null, options, null, null, null, null));
        await store.CreateAsync(new ForecastRecord("f_2", PlanStatus.Queued, at.AddSeconds(1), null, null, options, null, null, null, null));

        Assert.Equal("f_1", (await store.ClaimAsync(at))!.Id);
        Assert.False(await store.CancelQueuedAsync("f_1", "too late", at));
        await store.SaveProgressAsync("f_1", new ForecastJobProgress("backtest ets", 1, 4, 0.25, 1.5));
        await store.FinishAsync("f_1", PlanStatus.Failed, null, null, "no history", null, at.AddSeconds(2));
        Assert.True(await store.CancelQueuedAsync("f_2", "cancelled before it started", at));

        var f1 = (await store.GetAsync("f_1"))!;
        Assert.Equal((PlanStatus.Failed, "no history", 0.25), (f1.Status, f1.Error, f1.Progress!.Fraction));
        Assert.Equal(options.Methods, f1.Options.Methods);
        Assert.Equal((at, at.AddSeconds(2)), (f1.StartedAt, f1.FinishedAt));
        Assert.Equal(["f_2", "f_1"], (await store.ListAsync()).Select(f => f.Id));
        Assert.Equal(PlanStatus.Cancelled, (await store.GetAsync("f_2"))!.Status);
        Assert.Null(await store.ClaimAsync(at.AddSeconds(3)));
    }
}
