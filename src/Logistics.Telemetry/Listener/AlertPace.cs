using Logistics.Telemetry.Journal;

namespace Logistics.Telemetry.Listener;

/// <summary>Keeps the alert processor at the head of the intake, so that an alert is decided within a fraction of a
/// second of its reading's receipt however far storage is behind: the intake takes the broker's next message only
/// while fewer than <see cref="MaxLag"/> of the messages it gave the journal have not been evaluated yet. While the
/// machine cannot keep up with the fleet, the backlog therefore waits at the broker (and, for InfluxDB, in the journal),
/// never in front of the alert engine. Which messages count depends on where the alert processor reads
/// (<see cref="ListenerOptions.AlertsBeforeDurable"/>): reading records as soon as they are queued, every message the
/// intake queued counts (<see cref="OnQueued"/>); reading durable records only, messages still on their way into the
/// journal do not count (<see cref="OnJournaled"/>): they are bounded by <see cref="ListenerOptions.MaxUnacknowledged"/>,
/// and counting them stopped the intake during every group commit's fsync (the journal then flushed a third of the
/// messages per fsync, and intake ran at 0.75 of the broker's pace, README "Telemetry under overload"). Thread-safe.</summary>
public sealed class AlertPace(MessageJournal journal, bool beforeDurable = false, int maxLag = AlertPace.DefaultMaxLag)
{
    /// <summary>The default of <see cref="MaxLag"/> (<see cref="ListenerOptions.AlertPaceMessages"/>): a few milliseconds
    /// of the alert engine's work.</summary>
    public const int DefaultMaxLag = 300;

    /// <summary>At most this many messages given to the journal and not yet evaluated before the intake waits.</summary>
    public int MaxLag { get; } = maxLag >= 1 ? maxLag : throw new ArgumentOutOfRangeException(nameof(maxLag), maxLag, "must be at least 1");

    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(10);

    // Records up to this one were journaled before this process started: the alert processor may still have to
    // evaluate them, but the intake did not take them. Sequence numbers after it are this process's appends, in order.
    private readonly long _before = journal.LastSequence;
    private long _journaled, _evaluated = -1;
    private TaskCompletionSource _advanced = New();
    // 1 while the intake waits: only then does an evaluation signal (a new signal for every record evaluated cost two
    // objects a message while the alert processor kept up).
    private int _waiting;

    /// <summary>The journal record the alert processor evaluated last; -1 until it has opened its consumer.</summary>
    public long Evaluated => Interlocked.Read(ref _evaluated);

    /// <summary>Messages the intake gave the journal that the alert processor has not evaluated yet.</summary>
    public long Lag => Interlocked.Read(ref _journaled) - Math.Max(0, Evaluated - _before);

    /// <summary>A message the intake took is queued in the journal (an alert processor that reads before durability
    /// may read it).</summary>
    public void OnQueued()
    {
        if (beforeDurable) Interlocked.Increment(ref _journaled);
    }

    /// <summary>A message the intake took is durable in the journal (the alert processor may read it).</summary>
    public void OnJournaled()
    {
        if (!beforeDurable) Interlocked.Increment(ref _journaled);
    }

    /// <summary>Called by the alert processor after each record (and once with its checkpoint when it starts).</summary>
    public void OnEvaluated(long sequence)
    {
        Interlocked.Exchange(ref _evaluated, sequence);
        if (Lag <= MaxLag / 2 && Volatile.Read(ref _waiting) != 0) Interlocked.Exchange(ref _advanced, New()).TrySetResult();
    }

    /// <summary>Completes at once while the alert processor keeps up, else once it has caught up by half the limit
    /// (the intake also waits while the processor is still starting: restoring its state).</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (Lag < MaxLag) return;
        // Flagged before the signal is read, so an evaluation after the read signals it.
        Interlocked.Exchange(ref _waiting, 1);
        try
        {
            while (Lag >= MaxLag)
            {
                var advanced = Volatile.Read(ref _advanced).Task;
                if (Lag < MaxLag) return;
                // The recheck covers a signal given between the two reads above.
                await Task.WhenAny(advanced, Task.Delay(Recheck, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            Volatile.Write(ref _waiting, 0);
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
