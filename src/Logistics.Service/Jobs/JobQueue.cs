using System.Collections.Concurrent;
using Logistics.Data.Jobs;

namespace Logistics.Service.Jobs;

/// <summary>The jobs of one kind this instance runs now, with their latest progress (kept here and written to the
/// database at most once a second by the worker), and the worker loop that claims them from the database. One kind of
/// job per queue: planning (<see cref="Planning.PlanJobQueue"/>) and forecasting (<see cref="Forecasts.ForecastJobQueue"/>).
/// Several instances of the service may share one database: each job is claimed by one of them
/// (<see cref="IJobClaims"/>), under a lease it renews while the job runs. Thread-safe.</summary>
public class JobQueue<TProgress> where TProgress : class
{
    /// <summary>How often an idle worker looks for jobs queued through another instance (or left by a dead one).</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    /// <summary>How often a running job's progress is written to the database at most.</summary>
    public static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _work = new(0);
    private readonly ConcurrentDictionary<string, RunningJob> _running = new(StringComparer.Ordinal);

    /// <summary>Wakes a worker: a job was queued through this instance.</summary>
    public void Enqueue(string id) => _work.Release();

    /// <summary>Registers a job before it starts, so a cancel from then on reaches it.</summary>
    public RunningJob Register(string id, CancellationToken stopping)
    {
        var job = new RunningJob(CancellationTokenSource.CreateLinkedTokenSource(stopping));
        _running[id] = job;
        return job;
    }

    public void Unregister(string id)
    {
        if (_running.TryRemove(id, out var job)) job.Cancellation.Dispose();
    }

    /// <returns>False when the job is not running in this instance.</returns>
    public bool CancelRunning(string id)
    {
        if (!_running.TryGetValue(id, out var job)) return false;
        job.CancelledByUser = true;
        job.Cancellation.Cancel();
        return true;
    }

    public TProgress? ProgressOf(string id) => _running.TryGetValue(id, out var job) ? job.Progress : null;

    /// <summary>The worker loop both kinds of job share: <paramref name="workers"/> loops each claim the oldest waiting
    /// job (or one whose instance's lease expired: it is taken over and run again) and run it; an idle loop waits for a
    /// job queued here or <see cref="PollEvery"/>. Beside them the leases of the jobs running here are renewed every
    /// third of the lease; a job taken over meanwhile by another instance is stopped here, and a cancel asked through
    /// another instance reaches it. When the service stops, its running jobs are released for another instance (or this
    /// one's next start) to take over at once. A job that throws is failed through <paramref name="failUnexpected"/> and
    /// never takes its worker down.</summary>
    public async Task RunWorkersAsync(int workers, IJobClaims claims, Func<string, CancellationToken, Task> run,
        Func<string, Exception, Task> failUnexpected, TimeProvider clock, ILogger logger, string kind, CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                JobClaim? claim;
                try { claim = await claims.ClaimAsync(clock.GetUtcNow(), stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e)
                {
                    logger.LogError(e, "{Kind} jobs: claiming the next job failed; trying again in {Seconds} s", kind, PollEvery.TotalSeconds);
                    claim = null;
                }
                if (claim is null)
                {
                    try { await _work.WaitAsync(PollEvery, stoppingToken); }
                    catch (OperationCanceledException) { return; }
                    continue;
                }
                if (claim.TakenOverFrom is { } from)
                    logger.LogWarning("{Kind} job {Id} taken over from {Instance}, whose lease expired; running it again (attempt {Attempt})",
                        kind, claim.Id, from, claim.Attempt);
                try { await run(claim.Id, stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
                catch (Exception e)
                {
                    logger.LogError(e, "{Kind} job {Id} failed unexpectedly", kind, claim.Id);
                    await failUnexpected(claim.Id, e);
                }
                finally
                {
                    Unregister(claim.Id);
                    if (stoppingToken.IsCancellationRequested) await ReleaseAsync(claims, claim.Id, clock, logger, kind);
                }
            }
        }, CancellationToken.None)).ToList();
        loops.Add(RenewAsync(claims, clock, logger, kind, stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task RenewAsync(IJobClaims claims, TimeProvider clock, ILogger logger, string kind, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(claims.Instance.Lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var (id, job) in _running)
                {
                    try
                    {
                        var renewal = await claims.RenewAsync(id, clock.GetUtcNow(), stoppingToken);
                        if (!renewal.Owned && !job.Lost)
                        {
                            logger.LogWarning("{Kind} job {Id}: another instance took it over (this one's lease had expired); stopping it here", kind, id);
                            job.Lost = true;
                            job.Cancellation.Cancel();
                        }
                        else if (renewal.CancelRequested && !job.CancelledByUser) CancelRunning(id);
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                    catch (ObjectDisposedException) { } // the job ended while being renewed
                    catch (Exception e)
                    {
                        logger.LogError(e, "{Kind} job {Id}: renewing its lease failed; it is taken over if that goes on past the lease", kind, id);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private static async Task ReleaseAsync(IJobClaims claims, string id, TimeProvider clock, ILogger logger, string kind)
    {
        try
        {
            if (await claims.ReleaseAsync(id, clock.GetUtcNow(), CancellationToken.None))
                logger.LogInformation("{Kind} job {Id} released: the service is stopping; another instance (or the next start) runs it again", kind, id);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "{Kind} job {Id} could not be released; it is taken over once its lease expires", kind, id);
        }
    }

    public sealed class RunningJob(CancellationTokenSource cancellation)
    {
        private volatile TProgress? _progress;
        private volatile bool _cancelledByUser;
        private volatile bool _lost;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public TProgress? Progress { get => _progress; set => _progress = value; }

        /// <summary>True when a user cancelled the job (not the service stopping).</summary>
        public bool CancelledByUser { get => _cancelledByUser; set => _cancelledByUser = value; }

        /// <summary>True when another instance took the job over: what this run finds is not saved.</summary>
        public bool Lost { get => _lost; set => _lost = value; }

        /// <summary>Waits for the job's work to end, saving its progress at most once per <see cref="PersistEvery"/>
        /// while it changes (the pages of other instances read it from the database). Does not observe the work's
        /// outcome: the caller awaits it.</summary>
        public async Task SaveProgressUntilDoneAsync(Task work, Func<TProgress, Task> save)
        {
            TProgress? written = null;
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(PersistEvery, CancellationToken.None));
                if (Progress is { } now && !Equals(now, written) && !work.IsCompleted)
                {
                    await save(now);
                    written = now;
                }
            }
        }
    }
}
