using System.Collections.Concurrent;
using Logistics.Core;

namespace Logistics.Telemetry.Readings;

/// <summary><see cref="FleetTopics.TryParse"/> remembered per topic, so a truck's id is one string for all its messages
/// rather than a new one per message. Holds at most <see cref="Capacity"/> topics (then it parses without
/// remembering). Thread-safe.</summary>
internal sealed class FleetTopicCache
{
    /// <summary>Two topics (telemetry, status) of a 10,000-truck fleet, three times over.</summary>
    public const int Capacity = 65_536;

    private readonly ConcurrentDictionary<string, FleetTopic> _topics = new(StringComparer.Ordinal);
    private int _count;

    public bool TryParse(string? topic, out FleetTopic result)
    {
        if (topic is not null && _topics.TryGetValue(topic, out result)) return true;
        if (!FleetTopics.TryParse(topic, out result)) return false;
        if (Volatile.Read(ref _count) < Capacity && _topics.TryAdd(topic, result)) Interlocked.Increment(ref _count);
        return true;
    }
}
