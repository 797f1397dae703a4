using System.Globalization;
using Logistics.Core.Csv;
using Logistics.Data.Forecasts;
using Logistics.Data.Plans;
using Logistics.Forecasting;
using Logistics.Forecasting.History;
using Microsoft.Extensions.Options;

namespace Logistics.Service.Forecasts;

/// <summary>Runs forecast jobs from <see cref="ForecastJobQueue"/> on the order history saved when the job starts.
/// As with planning, jobs are claimed from the database, and one left running by an instance that died is taken over
/// once its lease expires and run again.</summary>
public sealed class ForecastWorker(
    ForecastJobQueue queue,
    ForecastStore store,
    HistoryStore history,
    IOptions<ForecastingOptions> options,
    TimeProvider clock,
    ILogger<ForecastWorker> logger) : BackgroundService
{

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        queue.RunWorkersAsync(options.Value.MaxConcurrentJobs, store, RunAsync,
            (id, e) => store.FinishAsync(id, PlanStatus.Failed, null, null, $"unexpected error: {e.Message}", null, clock.GetUtcNow(), CancellationToken.None),
            clock, logger, "Forecast", stoppingToken);

    private async Task RunAsync(string id, CancellationToken stoppingToken)
    {
        var job = queue.Register(id, stoppingToken);
        var record = await store.GetAsync(id, stoppingToken) ?? throw new InvalidOperationException($"forecast {id} vanished");
        var points = await history.GetAllAsync(stoppingToken);
        if (points.Count == 0)
        {
            await FailAsync(id, "there is no order history to forecast from: PUT /api/history first");
            return;
        }
        var forecastOptions = ForecastRequest.ToOptions(record.Options) with { Threads = options.Value.ThreadsPerJob };
        logger.LogInformation("Forecast job {Id} started: {Rows} history rows, horizon {Horizon}", id, points.Count, forecastOptions.Horizon);

        var token = job.Cancellation.Token;
        var reporter = new Progress(p => job.Progress = ToProgress(p));
        var run = Task.Run(() => Forecaster.Run(new OrderHistory(points), forecastOptions, reporter, token), CancellationToken.None);
        await job.SaveProgressUntilDoneAsync(run, now => store.SaveProgressAsync(id, now, CancellationToken.None));

        ForecastResult result;
        try { result = await run; }
        catch (OperationCanceledException) when (job.CancelledByUser)
        {
            var at = clock.GetUtcNow();
            var seconds = (at - (record.StartedAt ?? at)).TotalSeconds;
            await store.FinishAsync(id, PlanStatus.Cancelled, null, job.Progress, null,
                string.Create(CultureInfo.InvariantCulture, $"cancelled after {seconds:0.#} s, during {job.Progress?.Stage ?? "the start"}"), at, CancellationToken.None);
            logger.LogInformation("Forecast job {Id} cancelled", id);
            return;
        }
        // Stopping the service is not a user's cancel: the job is released and run again by another instance or the next
        // start. A job another instance took over is that instance's to finish.
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || job.Lost) { return; }
        catch (Exception e) when (e is InputValidationException or ArgumentException or InvalidOperationException)
        {
            await FailAsync(id, $"the history cannot be forecast: {e.Message}");
            return;
        }
        var final = new ForecastJobProgress("done", job.Progress?.Total ?? 0, job.Progress?.Total ?? 0, 1, Math.Round(result.Elapsed.TotalSeconds, 1));
        var notes = result.Notes.ToList();
        if (result.Fallbacks > 0)
            notes.Add($"{result.Fallbacks} of {result.Series.Count} series are too short for a backtest (ETS by AICc alone or the mean of the last periods)");
        if (result.Inactive > 0)
            notes.Add($"{result.Inactive} of {result.Series.Count} series stopped ordering and are forecast zero");
        await store.FinishAsync(id, PlanStatus.Succeeded, result, final, null, notes.Count == 0 ? null : string.Join("; ", notes),
            clock.GetUtcNow(), CancellationToken.None);
        logger.LogInformation("Forecast job {Id} succeeded: {Series} series, {Period} x {Horizon}, {Seconds:0.0} s", id, result.Series.Count,
            result.Period.Name(), result.Horizon, result.Elapsed.TotalSeconds);
    }

    private Task FailAsync(string id, string error)
    {
        logger.LogWarning("Forecast job {Id} failed: {Error}", id, error);
        return store.FinishAsync(id, PlanStatus.Failed, null, null, error, null, clock.GetUtcNow(), CancellationToken.None);
    }

    private static ForecastJobProgress ToProgress(ForecastProgress p) =>
        new(p.Stage, p.Done, p.Total, p.Total == 0 ? 0 : Math.Round(Math.Clamp((double)p.Done / p.Total, 0, 1), 3), Math.Round(p.Elapsed.TotalSeconds, 1));

    /// <summary>Calls back on the forecaster's thread; only the latest value is kept.</summary>
    private sealed class Progress(Action<ForecastProgress> report) : IProgress<ForecastProgress>
    {
        public void Report(ForecastProgress value) => report(value);
    }
}
