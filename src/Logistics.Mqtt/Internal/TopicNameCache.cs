using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Internal;

/// <summary>Hands out the same string for the same topic bytes, so that a fleet's few hundred topics
/// cost no allocation per message. Bounded: once full, new topics are allocated and not kept.
/// Not thread-safe: one per connection, used by its receive loop only.</summary>
internal sealed class TopicNameCache(int capacity = 4096)
{
    private const int StackLimit = 256;
    private readonly Dictionary<string, string> _topics = new(StringComparer.Ordinal);

    /// <param name="utf8">Already validated UTF-8.</param>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > StackLimit) return PacketWriter.Utf8.GetString(utf8);
        Span<char> chars = stackalloc char[StackLimit];
        var count = PacketWriter.Utf8.GetChars(utf8, chars);
        var lookup = _topics.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..count], out var topic)) return topic;
        topic = new string(chars[..count]);
        if (_topics.Count < capacity) _topics.Add(topic, topic);
        return topic;
    }
}
