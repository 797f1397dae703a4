using Logistics.Mqtt;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;
using Logistics.Telemetry.Alerts.Store;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Listener.Delivery;
using Logistics.Telemetry.Readings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener.Partitions;

/// <summary>Makes a partition's parts: what the instance shares (InfluxDB, the alert store, the parser, the counters)
/// and what is the partition's own (session, journal, pace, alert engine and its delivery). With one partition, these
/// are the listener as it was before partitions: client id <see cref="ListenerOptions.ClientId"/>, journal in
/// <c>journal/</c>, subscriptions to every truck.</summary>
public sealed class ListenerPartitionFactory(
    ListenerOptions options,
    MqttClientOptions mqtt,
    AlertOptions alertOptions,
    RetentionPolicy retention,
    InfluxDbClient influx,
    AlertStore store,
    TelemetryParser parser,
    TelemetryCounters counters,
    TimeProvider clock,
    IHttpClientFactory httpClients,
    ILoggerFactory loggers)
{
    private readonly IReadOnlySet<string>? _fleet = options.Partitions > 1 ? options.LoadFleet() : null;

    public int Count => options.Partitions;

    /// <summary>Whether <paramref name="truck"/> belongs to partition <paramref name="index"/>.</summary>
    public bool Owns(int index, string truck) => TruckPartitions.Of(truck, options.Partitions) == index;

    /// <summary>Partition <paramref name="index"/>'s journal in this instance's data folder, with an InfluxDB writer only:
    /// what this instance acknowledged for a partition another instance holds now (it died, and the partition was
    /// taken over), to be stored once it is back. Null when this instance has no journal of that partition.</summary>
    /// <exception cref="JournalException">The journal cannot be opened.</exception>
    public (MessageJournal Journal, InfluxWriter Writer)? CreateStorageOnly(int index)
    {
        var directory = options.PartitionJournalDirectory(index);
        if (!Directory.Exists(directory)) return null;
        var journal = MessageJournal.Open(new JournalOptions
        {
            Directory = directory,
            SegmentBytes = options.JournalSegmentMegabytes * 1024 * 1024,
            DiskCapBytes = options.JournalDiskCapMegabytes * 1024 * 1024,
        });
        return (journal, new InfluxWriter(journal, influx, parser, counters, options, retention, loggers.CreateLogger<InfluxWriter>()));
    }

    /// <exception cref="JournalException">The partition's journal cannot be opened (held by another process, damaged).</exception>
    public ListenerPartition Create(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, options.Partitions);
        IReadOnlyCollection<string>? trucks = null, others = null;
        if (_fleet is not null)
        {
            trucks = _fleet.Where(t => Owns(index, t)).Order(StringComparer.Ordinal).ToList();
            others = _fleet.Where(t => !Owns(index, t)).Order(StringComparer.Ordinal).ToList();
        }
        var journal = MessageJournal.Open(new JournalOptions
        {
            Directory = options.PartitionJournalDirectory(index),
            SegmentBytes = options.JournalSegmentMegabytes * 1024 * 1024,
            DiskCapBytes = options.JournalDiskCapMegabytes * 1024 * 1024,
        });
        var connection = new ListenerConnection(mqtt with { ClientId = options.PartitionClientId(index) },
            loggers.CreateLogger<ListenerConnection>(), trucks, others);
        var pace = new AlertPace(journal, options.AlertsBeforeDurable, options.AlertPaceMessages);
        var engine = new AlertEngine(alertOptions, loggers.CreateLogger<AlertEngine>());
        Func<string, bool>? owns = options.Partitions == 1 ? null : truck => Owns(index, truck);
        var restore = new AlertEngineRestore(engine, store, influx, clock, loggers.CreateLogger<AlertEngineRestore>(), owns);
        // The cab first, on its own (the latency a driver sees); then, behind it, the store, the webhook, InfluxDB.
        var records = new List<IAlertSink> { new StoreAlertSink(store, loggers.CreateLogger<StoreAlertSink>()) };
        if (options.AlertWebhookUrl is { Length: > 0 } url)
            records.Add(new WebhookAlertSink(url, httpClients, loggers.CreateLogger<WebhookAlertSink>()));
        records.Add(new InfluxAlertSink(influx, loggers.CreateLogger<InfluxAlertSink>()));
        var delivery = new AlertDelivery(new CabAlertSink(connection, counters, clock, loggers.CreateLogger<CabAlertSink>()), records, counters,
            loggers.CreateLogger<AlertDelivery>());
        BackgroundService[] services =
        [
            new MqttIngestor(connection, journal, pace, counters, options, loggers.CreateLogger<MqttIngestor>()),
            new InfluxWriter(journal, influx, parser, counters, options, retention, loggers.CreateLogger<InfluxWriter>()),
            new AlertProcessor(journal, engine, parser, restore, delivery, pace, counters, options, clock),
        ];
        return new ListenerPartition(index, journal, connection, pace, services, loggers.CreateLogger<ListenerPartition>());
    }
}
