using System.Globalization;
using Logistics.Data.Plans;
using Logistics.Routing.Engines;
using Logistics.Routing.Planning;
using Logistics.Routing.Planning.Editing;
using Logistics.Routing.Solver;
using Microsoft.Extensions.Options;
using Logistics.Core.Csv;

namespace Logistics.Service.Planning;

/// <summary>Runs planning jobs claimed from the database (<see cref="PlanJobQueue"/>), <see cref="PlanningOptions.MaxConcurrentJobs"/>
/// at a time in this instance. A job left running by an instance that died (or by this one before a restart) is
/// taken over once its lease expires and solved again.</summary>
public sealed class PlanWorker(
    PlanJobQueue queue,
    PlanStore store,
    DayProblems problems,
    IOptions<PlanningOptions> options,
    TimeProvider clock,
    ILogger<PlanWorker> logger) : BackgroundService
{

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        queue.RunWorkersAsync(options.Value.MaxConcurrentJobs, store, RunAsync,
            (id, e) => store.FinishAsync(id, PlanStatus.Failed, null, null, $"unexpected error: {e.Message}", null, clock.GetUtcNow(), CancellationToken.None),
            clock, logger, "Planning", stoppingToken);

    private async Task RunAsync(string id, CancellationToken stoppingToken)
    {
        var job = queue.Register(id, stoppingToken);
        var record = await store.GetAsync(id, stoppingToken) ?? throw new InvalidOperationException($"plan {id} vanished");
        logger.LogInformation("Planning job {Id} for {Date} started ({Limit} s, engine {Engine})", id, record.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), record.Options.TimeLimitSeconds,
            record.Options.Engine);

        DispatchProblem problem;
        Plan? basePlan = null;
        try
        {
            if (record.BasedOn is { } baseId)
            {
                problem = DayProblems.FromPlanInputs(await store.GetInputsAsync(id, stoppingToken)
                                                     ?? throw new InvalidOperationException($"plan {id} has no inputs"));
                basePlan = (await store.GetAsync(baseId, stoppingToken))?.Plan
                           ?? throw new InvalidOperationException($"plan {baseId}, which this one re-optimises, has no result");
            }
            else
            {
                var soft = record.Options.SoftWindows
                    ? new SoftWindowPolicy(TimeSpan.FromMinutes(options.Value.SoftWindowMaxLatenessMinutes), options.Value.SoftWindowLatenessCostPerHour)
                    : null;
                problem = await problems.LoadAsync(record.Date, soft, stoppingToken);
                await store.SaveInputsAsync(id, DayProblems.ToPlanInputs(problem), stoppingToken);
            }
        }
        catch (Exception e) when (e is InputValidationException or InvalidOperationException or ArgumentException)
        {
            await FailAsync(id, $"the day cannot be planned: {e.Message}");
            return;
        }

        var solverOptions = new SolverOptions
        {
            TimeLimit = TimeSpan.FromSeconds(record.Options.TimeLimitSeconds), Seed = record.Options.Seed ?? 1, Engine = record.Options.Engine,
        };
        var limit = record.Options.TimeLimitSeconds;
        var reporter = new Progress(p => job.Progress = ToProgress(p, limit));
        var token = job.Cancellation.Token;
        var solve = Task.Run(() => basePlan is null
            ? PlanRunner.Solve(problem, solverOptions, reporter, token)
            : PlanEditor.Reoptimize(problem, basePlan, record.Options.LockedRouteIds, solverOptions, reporter, token), CancellationToken.None);

        await job.SaveProgressUntilDoneAsync(solve, now => store.SaveProgressAsync(id, now, CancellationToken.None));

        Plan plan;
        SolverResult? result;
        try { (plan, result) = await solve; }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or PlanEditException or EngineRefusedException)
        {
            await FailAsync(id, $"the solver could not plan this day: {e.Message}");
            return;
        }
        // Stopping the service is not a user's cancel: the job is released and solved again by another instance or the
        // next start. A job another instance took over is that instance's to finish.
        if (stoppingToken.IsCancellationRequested || job.Lost) return;

        var final = new PlanProgress(Math.Round((result?.Elapsed ?? TimeSpan.Zero).TotalSeconds, 1), limit,
            job.CancelledByUser ? Fraction(result?.Elapsed ?? TimeSpan.Zero, limit) : 1, plan.Totals.Cost, plan.Routes.Count,
            plan.Unassigned.Select(u => u.StoreId).Distinct(StringComparer.Ordinal).Count());
        var at = clock.GetUtcNow();
        if (!job.CancelledByUser)
        {
            await store.FinishAsync(id, PlanStatus.Succeeded, plan, final, null, null, at, CancellationToken.None);
            logger.LogInformation("Planning job {Id} succeeded: {Routes} routes, {Unassigned} orders unassigned, {Cost} yuan", id, plan.Routes.Count,
                plan.Totals.UnassignedOrders, plan.Totals.Cost);
            return;
        }
        var seconds = (result?.Elapsed ?? TimeSpan.Zero).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        var found = result is null ? basePlan is not null : result.CostHistory.Count > 0;
        await store.FinishAsync(id, PlanStatus.Cancelled, found ? plan : null, final, null,
            found
                ? $"cancelled after {seconds} s of {limit} s; the plan is the best found until then"
                : $"cancelled after {seconds} s of {limit} s, before a plan was found",
            at, CancellationToken.None);
        logger.LogInformation("Planning job {Id} cancelled after {Seconds} s (plan kept: {Kept})", id, seconds, found);
    }

    private Task FailAsync(string id, string error)
    {
        logger.LogWarning("Planning job {Id} failed: {Error}", id, error);
        return store.FinishAsync(id, PlanStatus.Failed, null, null, error, null, clock.GetUtcNow(), CancellationToken.None);
    }

    private static PlanProgress ToProgress(SolverProgress p, int limit) =>
        new(Math.Round(p.Elapsed.TotalSeconds, 1), limit, Fraction(p.Elapsed, limit),
            p.BestRouteCost is { } cost ? CostUnits.ToYuan(cost) : null, p.BestRoutes, p.BestUnassigned);

    private static double Fraction(TimeSpan elapsed, int limit) => Math.Round(Math.Clamp(elapsed.TotalSeconds / limit, 0, 1), 3);

    /// <summary>Calls back on the solver's thread; <see cref="Progress{T}"/> would post to a thread-pool
    /// item per report for no gain, since only the latest value is kept.</summary>
    private sealed class Progress(Action<SolverProgress> report) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => report(value);
    }
}
