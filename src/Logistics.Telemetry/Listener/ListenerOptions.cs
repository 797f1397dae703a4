namespace Logistics.Telemetry.Listener;

/// <summary>How the telemetry listener receives, keeps and stores readings (section "Listener").</summary>
public sealed record ListenerOptions
{
    public const string Section = "Listener";

    /// <summary>False: this instance does not listen (no MQTT session, no InfluxDB writer, no alert engine) and serves
    /// the API and the jobs only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the journal and the alert store live; relative paths are below the service's folder.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The listener's fixed MQTT client id: with a persistent session, the broker keeps its
    /// subscriptions and queues QoS 1 messages for it while it is away.</summary>
    public string ClientId { get; set; } = "logistics-listener";

    /// <summary>How many partitions the fleet is split into (by a stable hash of the truck id): each is one persistent
    /// MQTT session (client id <see cref="ClientId"/> with <c>-p{index}</c> after it; with 1, the client id itself) with
    /// its own journal and alert engine. Several instances on one PostgreSQL database share the partitions through
    /// leases; with 1, one instance listens and another takes over when it dies. More than 1 needs <see cref="FleetFile"/>:
    /// a partition subscribes to its own trucks' topics.</summary>
    public int Partitions { get; set; } = 1;

    /// <summary>How long an instance's lease on a partition holds without renewal (renewed every third of it), on
    /// PostgreSQL: after that another instance takes the partition over. Alerts for its trucks pause at most about this long.</summary>
    public int PartitionLeaseSeconds { get; set; } = 15;

    /// <summary>Most disk the journal may take before the listener stops acknowledging (MiB).</summary>
    public long JournalDiskCapMegabytes { get; set; } = 2048;

    /// <summary>Size of one journal segment (MiB).</summary>
    public long JournalSegmentMegabytes { get; set; } = 64;

    /// <summary>Messages appended to the journal and not yet acknowledged, at most: enough to keep
    /// group commits full under load (one at a time would cap the rate at one flush per message).</summary>
    public int MaxUnacknowledged { get; set; } = 2000;

    /// <summary>True (default): the alert engine reads each message as soon as the intake has queued it in the journal,
    /// not after the group commit's fsync, so a group's wait is no part of an alert's latency. Its checkpoint still
    /// passes durable records only, and the message is acknowledged only once durable: a crash before the fsync loses the
    /// message's evaluation with it, and the broker's redelivery is evaluated again (README "Telemetry under overload",
    /// fourth round, for what a kill -9 can repeat). False: it reads durable records only, the third round's behaviour.
    /// On by default since the sixth round: on a quiet machine it met the listener's 250 ms p99 at saturation in 3 runs
    /// of 3 where reading durable records only gave 381–541 ms; the device → cab latency, which the broker and the
    /// simulator dominate on 2 cores, was no better either way.</summary>
    public bool AlertsBeforeDurable { get; set; } = true;

    /// <summary>The intake takes the broker's next message only while fewer than this many of the messages it gave the
    /// journal wait for the alert engine (<see cref="AlertPace"/>): more lets the intake run further ahead of the alert
    /// engine's hiccups, and adds up to that many messages' evaluation to an alert's wait.</summary>
    public int AlertPaceMessages { get; set; } = AlertPace.DefaultMaxLag;

    /// <summary>Most points in one InfluxDB write (InfluxDB recommends up to 5,000).</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Batches written to InfluxDB at once: the next batch is filled and sent while InfluxDB still takes
    /// the previous ones (the checkpoint still passes each only once it and those before it are stored).</summary>
    public int WritesInFlight { get; set; } = 2;

    /// <summary>Longest a reading waits for its batch to fill before the batch is written while another write is on
    /// its way (with none on its way, a batch goes as soon as the journal has nothing more to read).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Wait before writing again after InfluxDB was unavailable (readings wait in the journal).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the alert engine looks for silent trucks and held messages.</summary>
    public TimeSpan AlertTickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest payload accepted (bytes); larger ones are rejected as payload_too_large.</summary>
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>A CSV whose first column lists the known trucks (header first), e.g. the devices
    /// file the infra script writes; when set, messages from other trucks are rejected as unknown_truck.</summary>
    public string? FleetFile { get; set; }

    /// <summary>Optional URL that receives every alert event as JSON (POST).</summary>
    public string? AlertWebhookUrl { get; set; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory)) errors.Add("Listener:DataDirectory must name a folder");
        if (string.IsNullOrWhiteSpace(ClientId) || ClientId.Length > 23)
            errors.Add($"Listener:ClientId '{ClientId}' must be 1 to 23 characters (MQTT 3.1.1)");
        if (Partitions is < 1 or > 99) errors.Add($"Listener:Partitions must be 1 to 99, got {Partitions}");
        else if (Partitions > 1 && !string.IsNullOrWhiteSpace(ClientId) && PartitionClientId(Partitions - 1).Length > 23)
            errors.Add($"Listener:ClientId '{ClientId}' is too long for {Partitions} partitions: '{PartitionClientId(Partitions - 1)}' must be at most 23 characters (MQTT 3.1.1)");
        if (Partitions > 1 && string.IsNullOrWhiteSpace(FleetFile))
            errors.Add($"Listener:Partitions is {Partitions}: Listener:FleetFile must list the trucks (each partition subscribes to its own trucks' topics)");
        if (PartitionLeaseSeconds is < 3 or > 3600) errors.Add($"Listener:PartitionLeaseSeconds must be 3 to 3600, got {PartitionLeaseSeconds}");
        if (JournalSegmentMegabytes < 1) errors.Add($"Listener:JournalSegmentMegabytes must be at least 1, got {JournalSegmentMegabytes}");
        if (JournalDiskCapMegabytes < 2 * JournalSegmentMegabytes)
            errors.Add($"Listener:JournalDiskCapMegabytes ({JournalDiskCapMegabytes}) must be at least twice JournalSegmentMegabytes ({JournalSegmentMegabytes})");
        if (MaxUnacknowledged is < 1 or > 65535) errors.Add($"Listener:MaxUnacknowledged must be 1 to 65535, got {MaxUnacknowledged}");
        if (AlertPaceMessages is < 1 or > 100_000) errors.Add($"Listener:AlertPaceMessages must be 1 to 100000, got {AlertPaceMessages}");
        if (BatchSize is < 1 or > 5000) errors.Add($"Listener:BatchSize must be 1 to 5000, got {BatchSize}");
        if (WritesInFlight is < 1 or > 16) errors.Add($"Listener:WritesInFlight must be 1 to 16, got {WritesInFlight}");
        if (FlushInterval <= TimeSpan.Zero) errors.Add($"Listener:FlushInterval must be positive, got {FlushInterval}");
        if (RetryInterval <= TimeSpan.Zero) errors.Add($"Listener:RetryInterval must be positive, got {RetryInterval}");
        if (AlertTickInterval <= TimeSpan.Zero) errors.Add($"Listener:AlertTickInterval must be positive, got {AlertTickInterval}");
        if (MaxPayloadBytes < 256) errors.Add($"Listener:MaxPayloadBytes must be at least 256, got {MaxPayloadBytes}");
        if (FleetFile is { Length: > 0 } f && !File.Exists(f)) errors.Add($"Listener:FleetFile '{f}' does not exist");
        if (AlertWebhookUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            errors.Add($"Listener:AlertWebhookUrl '{url}' is not an absolute URL");
        return errors;
    }

    /// <summary>The MQTT client id of partition <paramref name="index"/>'s persistent session.</summary>
    public string PartitionClientId(int index) => Partitions == 1 ? ClientId : $"{ClientId}-p{index}";

    /// <summary>The folder of partition <paramref name="index"/>'s journal: <c>journal</c> with one partition (as before
    /// partitions), else <c>partitions/{count}-{index}/journal</c>, so a change of the count starts new journals.</summary>
    public string PartitionJournalDirectory(int index) =>
        Partitions == 1
            ? Path.Combine(Path.GetFullPath(DataDirectory), "journal")
            : Path.Combine(Path.GetFullPath(DataDirectory), "partitions", $"{Partitions}-{index}", "journal");

    /// <summary>The truck ids of <see cref="FleetFile"/>, or null when none is configured.</summary>
    public IReadOnlySet<string>? LoadFleet() =>
        FleetFile is { Length: > 0 } file
            ? File.ReadLines(file).Skip(1).Select(line => line.Split(',')[0].Trim()).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal)
            : null;
}
