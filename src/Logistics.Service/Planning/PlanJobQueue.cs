using System.Collections.Concurrent;
using System.Threading.Channels;
using Logistics.Data.Plans;

namespace Logistics.Service.Planning;

/// <summary>The ids of planning jobs waiting for a worker, and the jobs running now with their latest
/// progress (kept here and written to the database at most once a second). Thread-safe.</summary>
public sealed class PlanJobQueue
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

    public PlanProgress? ProgressOf(string id) => _running.TryGetValue(id, out var job) ? job.Progress : null;

    public sealed class RunningJob(CancellationTokenSource cancellation)
    {
        private volatile PlanProgress? _progress;
        private volatile bool _cancelledByUser;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public PlanProgress? Progress { get => _progress; set => _progress = value; }

        /// <summary>True when a user cancelled the job (not the service stopping).</summary>
        public bool CancelledByUser { get => _cancelledByUser; set => _cancelledByUser = value; }
    }
}
