namespace Logistics.Telemetry.Journal;

/// <summary>Settings of <see cref="MessageJournal"/>.</summary>
public sealed record JournalOptions
{
    /// <summary>The folder that holds the segments and checkpoints; created when missing. One
    /// process at a time may open it.</summary>
    public required string Directory { get; init; }

    /// <summary>A segment is closed and a new one started when the next record would make it larger
    /// than this. Default 64 MiB.</summary>
    public long SegmentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most bytes the segments may take on disk; at the cap, appends wait. Default 2 GiB;
    /// at least twice <see cref="SegmentBytes"/>, since space is freed a whole segment at a time.</summary>
    public long DiskCapBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The largest record (topic, payload and 26 bytes of framing) an append accepts.
    /// Default 2 MiB, above the MQTT client's 1 MiB packet limit.</summary>
    public int MaxRecordBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>The most records written and flushed together (group commit). Default 1,024.</summary>
    public int MaxGroupRecords { get; init; } = 1024;

    /// <summary>How long the writer waits for more records before it writes a group that is not
    /// full. Default zero: a group is whatever arrived while the previous flush ran, which already
    /// batches under load without delaying a lone message.</summary>
    public TimeSpan GroupCommitDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How many of the newest durable records are also kept in memory (default 16,384, a few MB): a
    /// consumer that keeps up reads them from there instead of from disk, and consumers share one record object
    /// (<see cref="JournalRecord.Derived{T}"/>). 0 keeps none.</summary>
    public int TailRecords { get; init; } = 16_384;

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting and its value.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
            throw new ArgumentException($"{nameof(Directory)} must name a folder, got \"{Directory}\"", nameof(Directory));
        if (SegmentBytes < 1024)
            throw new ArgumentOutOfRangeException(nameof(SegmentBytes), SegmentBytes, $"{nameof(SegmentBytes)} must be at least 1024, got {SegmentBytes}");
        if (DiskCapBytes < 2 * SegmentBytes)
            throw new ArgumentOutOfRangeException(nameof(DiskCapBytes), DiskCapBytes,
                $"{nameof(DiskCapBytes)} must be at least twice {nameof(SegmentBytes)} ({2 * SegmentBytes}), got {DiskCapBytes}");
        if (MaxRecordBytes < 64 || MaxRecordBytes > SegmentBytes - RecordFormat.SegmentHeaderBytes)
            throw new ArgumentOutOfRangeException(nameof(MaxRecordBytes), MaxRecordBytes,
                $"{nameof(MaxRecordBytes)} must be from 64 to {nameof(SegmentBytes)} - {RecordFormat.SegmentHeaderBytes}, got {MaxRecordBytes}");
        if (MaxGroupRecords < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxGroupRecords), MaxGroupRecords, $"{nameof(MaxGroupRecords)} must be at least 1, got {MaxGroupRecords}");
        if (TailRecords < 0)
            throw new ArgumentOutOfRangeException(nameof(TailRecords), TailRecords, $"{nameof(TailRecords)} must not be negative, got {TailRecords}");
        if (GroupCommitDelay < TimeSpan.Zero || GroupCommitDelay > TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(GroupCommitDelay), GroupCommitDelay, $"{nameof(GroupCommitDelay)} must be from 0 to 1 s, got {GroupCommitDelay}");
    }
}
