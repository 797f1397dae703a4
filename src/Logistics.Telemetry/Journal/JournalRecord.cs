namespace Logistics.Telemetry.Journal;

/// <summary>One received MQTT message as the journal holds it.</summary>
/// <param name="Sequence">The journal's sequence number: increasing, never reused for a durable record, across restarts.</param>
/// <param name="ReceivedAt">When the listener received it (UTC).</param>
/// <param name="Topic">The MQTT topic.</param>
/// <param name="Payload">The payload, byte for byte.</param>
public sealed record JournalRecord(long Sequence, DateTimeOffset ReceivedAt, string Topic, ReadOnlyMemory<byte> Payload);
