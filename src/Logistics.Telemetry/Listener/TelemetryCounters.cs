using System.Collections.Concurrent;

namespace Logistics.Telemetry.Listener;

/// <summary>What the listener has done since it started, for /health and the stats endpoint.
/// Thread-safe.</summary>
public sealed class TelemetryCounters
{
    private long _received, _journaled, _acknowledged, _messagesStored, _readingsStored, _sensorFaults;
    private long _alertEvents, _alertsPublished, _influxFailures;
    private readonly ConcurrentDictionary<string, long> _rejected = new(StringComparer.Ordinal);

    public long Received => Interlocked.Read(ref _received);
    public long Journaled => Interlocked.Read(ref _journaled);
    public long Acknowledged => Interlocked.Read(ref _acknowledged);
    public long MessagesStored => Interlocked.Read(ref _messagesStored);
    public long ReadingsStored => Interlocked.Read(ref _readingsStored);
    public long SensorFaults => Interlocked.Read(ref _sensorFaults);
    public long AlertEvents => Interlocked.Read(ref _alertEvents);
    public long AlertsPublished => Interlocked.Read(ref _alertsPublished);
    public long InfluxFailures => Interlocked.Read(ref _influxFailures);

    /// <summary>Messages refused, by reason code.</summary>
    public IReadOnlyDictionary<string, long> Rejected => new SortedDictionary<string, long>(_rejected, StringComparer.Ordinal);
    public long RejectedTotal => _rejected.Values.Sum();

    /// <summary>From the listener's receipt of the reading that raised an alert to the alert's publication to the
    /// cab: the part of the alert latency that is the listener's own (alerts raised by readings).</summary>
    public LatencySamples ReceiptToCab { get; } = new();

    /// <summary>The first part of <see cref="ReceiptToCab"/>: from receipt to the alert engine's evaluation of the
    /// reading (the intake, the journal's queue, the alert processor); the rest is the delivery to the broker.</summary>
    public LatencySamples AlertReceiptToEvaluated { get; } = new();

    /// <summary>From the device's timestamp of that message to the publication: adds the device's clock, its
    /// network and the broker.</summary>
    public LatencySamples DeviceToCab { get; } = new();

    // ---- where a message's time goes, stage by stage (the stats endpoint's "stages", the bench's breakdown) ----

    /// <summary>The per-message stages below keep one sample in this many messages, so that their percentiles span a
    /// whole burst (about 1,000,000 messages) rather than its last half second.</summary>
    public const int MessageSampling = 256;

    /// <summary>From the client's receipt of a message to its record being durable in the journal (its PUBACK may go).</summary>
    public LatencySamples ReceiptToDurable { get; } = new();

    /// <summary>From receipt to the alert engine's evaluation of the message.</summary>
    public LatencySamples ReceiptToEvaluated { get; } = new();

    /// <summary>From receipt to InfluxDB's confirmation of the batch that holds the message (one sample per batch,
    /// of its oldest message).</summary>
    public LatencySamples ReceiptToStored { get; } = new();

    /// <summary>The intake waiting for the MQTT client's next message: nothing had arrived from the broker.</summary>
    public ElapsedTotal IntakeWaitingForBroker { get; } = new();

    /// <summary>The intake waiting for the alert processor (<see cref="AlertPace"/>).</summary>
    public ElapsedTotal IntakeWaitingForAlerts { get; } = new();

    /// <summary>The intake waiting because <see cref="ListenerOptions.MaxUnacknowledged"/> appends await the journal.</summary>
    public ElapsedTotal IntakeWaitingForJournal { get; } = new();

    /// <summary>The InfluxDB writer reading and encoding records.</summary>
    public ElapsedTotal WriterBusy { get; } = new();

    /// <summary>The InfluxDB writer with nothing to read: waiting for the journal, or for a partial batch's deadline.</summary>
    public ElapsedTotal WriterWaitingForJournal { get; } = new();

    /// <summary>The InfluxDB writer waiting for a write to finish before it may send the next batch.</summary>
    public ElapsedTotal WriterWaitingForInflux { get; } = new();

    private long _firstReceivedTicks, _lastReceivedTicks;

    /// <summary>When the intake took its first and its latest message (null before the first).</summary>
    public DateTimeOffset? FirstReceivedAt => At(Interlocked.Read(ref _firstReceivedTicks));
    public DateTimeOffset? LastReceivedAt => At(Interlocked.Read(ref _lastReceivedTicks));

    private static DateTimeOffset? At(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    /// <summary>When InfluxDB last refused or failed a write, and why; null when the last write succeeded.</summary>
    public string? LastInfluxError { get; private set; }

    internal void OnReceived(DateTimeOffset receivedAt)
    {
        Interlocked.Increment(ref _received);
        Interlocked.CompareExchange(ref _firstReceivedTicks, receivedAt.UtcTicks, 0);
        Interlocked.Exchange(ref _lastReceivedTicks, receivedAt.UtcTicks);
    }
    internal void OnJournaled() => Interlocked.Increment(ref _journaled);
    internal void OnAcknowledged(int messages) => Interlocked.Add(ref _acknowledged, messages);
    internal void OnStored(long messages, long readings)
    {
        Interlocked.Add(ref _messagesStored, messages);
        Interlocked.Add(ref _readingsStored, readings);
        LastInfluxError = null;
    }
    internal void OnSensorFaults(int count) => Interlocked.Add(ref _sensorFaults, count);
    internal void OnRejected(string reason) => _rejected.AddOrUpdate(reason, 1, (_, n) => n + 1);
    internal void OnAlertEvent() => Interlocked.Increment(ref _alertEvents);
    internal void OnAlertPublished() => Interlocked.Increment(ref _alertsPublished);
    internal void OnInfluxFailure(string error)
    {
        Interlocked.Increment(ref _influxFailures);
        LastInfluxError = error;
    }
}
