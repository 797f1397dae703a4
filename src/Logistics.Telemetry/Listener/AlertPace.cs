using Logistics.Telemetry.Journal;

namespace Logistics.Telemetry.Listener;

/// <summary>Keeps the alert processor at the head of the intake, so that an alert is decided within a fraction of a
/// second of its reading's receipt however far storage is behind: the intake takes the broker's next message only
/// while fewer than <see cref="MaxLag"/> of the messages it took have not been evaluated yet (on their way into the
/// journal, or in it). While the machine cannot keep up with the fleet, the backlog therefore waits at the broker
/// (and, for InfluxDB, in the journal), never in front of the alert engine. Thread-safe.</summary>
public sealed class AlertPace(MessageJournal journal)
{
    /// <summary>At most this many messages taken and not yet evaluated before the intake waits: enough to keep the
    /// journal's group commits full, and about a tenth of a second of intake on a loaded 2-core machine.</summary>
    public const int MaxLag = 300;

    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(10);

    // Records up to this one were journaled before this process started: the alert processor may still have to
    // evaluate them, but the intake did not take them. Sequence numbers after it are this process's appends, in order.
    private readonly long _before = journal.LastSequence;
    private long _taken, _evaluated = -1;
    private TaskCompletionSource _advanced = New();

    /// <summary>The journal record the alert processor evaluated last; -1 until it has opened its consumer.</summary>
    public long Evaluated => Interlocked.Read(ref _evaluated);

    /// <summary>Messages the intake took that the alert processor has not evaluated yet.</summary>
    public long Lag => Interlocked.Read(ref _taken) - Math.Max(0, Evaluated - _before);

    /// <summary>The intake took a message (before appending it).</summary>
    public void OnTaken() => Interlocked.Increment(ref _taken);

    /// <summary>A message taken could not be journaled: it will not be evaluated (the broker delivers it again).</summary>
    public void OnNotJournaled() => Interlocked.Decrement(ref _taken);

    /// <summary>Called by the alert processor after each record (and once with its checkpoint when it starts).</summary>
    public void OnEvaluated(long sequence)
    {
        Interlocked.Exchange(ref _evaluated, sequence);
        if (Lag <= MaxLag / 2) Interlocked.Exchange(ref _advanced, New()).TrySetResult();
    }

    /// <summary>Completes at once while the alert processor keeps up, else once it has caught up by half the limit
    /// (the intake also waits while the processor is still starting: restoring its state).</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
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

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
