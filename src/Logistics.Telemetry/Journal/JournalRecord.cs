namespace Logistics.Telemetry.Journal;

/// <summary>One received MQTT message as the journal holds it.</summary>
/// <param name="Sequence">The journal's sequence number: increasing, never reused for a durable record, across restarts.</param>
/// <param name="ReceivedAt">When the listener received it (UTC).</param>
/// <param name="Topic">The MQTT topic.</param>
/// <param name="Payload">The payload, byte for byte.</param>
/// <remarks>A record read while it is still in the journal's memory (<see cref="JournalOptions.TailRecords"/>) is the
/// same object for every consumer, so what one consumer derives from it (<see cref="Derived{T}"/>: its parse) the
/// others get for free; one read back from disk is a new object. Thread-safe.</remarks>
public sealed record JournalRecord(long Sequence, DateTimeOffset ReceivedAt, string Topic, ReadOnlyMemory<byte> Payload)
{
    private object? _derived;

    /// <summary>What <paramref name="derive"/> makes of this record, made once per record object and shared: the
    /// first consumer to ask pays for it. <paramref name="derive"/> must depend on the record alone and give an
    /// immutable result (two consumers asking at once may both run it; one result is kept).</summary>
    public T Derived<T>(Func<JournalRecord, T> derive) where T : class
    {
        if (Volatile.Read(ref _derived) is T known) return known;
        var made = derive(this);
        return Interlocked.CompareExchange(ref _derived, made, null) as T ?? made;
    }

    // Equality is the message's, not what consumers made of it.
    public bool Equals(JournalRecord? other) =>
        other is not null && Sequence == other.Sequence && ReceivedAt == other.ReceivedAt && Topic == other.Topic
        && Payload.Span.SequenceEqual(other.Payload.Span);

    public override int GetHashCode() => HashCode.Combine(Sequence, ReceivedAt, Topic);
}
