using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Logistics.Service.Jobs;

/// <summary>The ids of jobs waiting for a worker, and the jobs running now with their latest progress (kept
/// here and written to the database at most once a second by the worker). One kind of job per queue: planning
/// (<see cref="Planning.PlanJobQueue"/>) and forecasting (<see cref="Forecasts.ForecastJobQueue"/>). Thread-safe.</summary>
public class JobQueue<TProgress> where TProgress : class
{
    private readonly Channel<string> _waiting = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<string, RunningJob> _running = new(StringComparer.Ordinal);

    public ChannelReader<string> Waiting => _waiting.Reader;

    public void Enqueue(string id) => _waiting.Writer.TryWrite(id);

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

    /// <returns>False when the job is not running in this process.</returns>
    public bool CancelRunning(string id)
    {
        if (!_running.TryGetValue(id, out var job)) return false;
        job.CancelledByUser = true;
        job.Cancellation.Cancel();
        return true;
    }

    public TProgress? ProgressOf(string id) => _running.TryGetValue(id, out var job) ? job.Progress : null;

    /// <summary>The worker loop both kinds of job share: at start, jobs a previous run left running are failed (their
    /// work died with that process) and the queued ones are queued again; then <paramref name="workers"/> loops take ids
    /// from the queue. A job that throws is failed through <paramref name="failUnexpected"/> and never takes its
    /// worker down.</summary>
    /// <param name="failRunning">Marks the jobs left running failed; returns how many.</param>
    /// <param name="queued">The ids of the jobs waiting, oldest first.</param>
    public async Task RunWorkersAsync(int workers, Func<CancellationToken, Task<int>> failRunning, Func<CancellationToken, Task<IReadOnlyList<string>>> queued,
        Func<string, CancellationToken, Task> run, Func<string, Exception, Task> failUnexpected, ILogger logger, string kind, CancellationToken stoppingToken)
    {
        var failed = await failRunning(stoppingToken);
        if (failed > 0) logger.LogWarning("Marked {Count} {Kind} job(s) failed: they were running when the service stopped", failed, kind);
        foreach (var id in await queued(stoppingToken)) Enqueue(id);

        var loops = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var id in Waiting.ReadAllAsync(stoppingToken))
            {
                try { await run(id, stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e)
                {
                    logger.LogError(e, "{Kind} job {Id} failed unexpectedly", kind, id);
                    await failUnexpected(id, e);
                }
                finally { Unregister(id); }
            }
        }, stoppingToken));
        await Task.WhenAll(loops);
    }

    public sealed class RunningJob(CancellationTokenSource cancellation)
    {
        private volatile TProgress? _progress;
        private volatile bool _cancelledByUser;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public TProgress? Progress { get => _progress; set => _progress = value; }

        /// <summary>True when a user cancelled the job (not the service stopping).</summary>
        public bool CancelledByUser { get => _cancelledByUser; set => _cancelledByUser = value; }
    }
}
