namespace Logistics.Telemetry.Influx;

/// <summary>A retention policy: how long InfluxDB keeps points. The duration is at least one hour
/// (InfluxDB's minimum) and in whole milliseconds.</summary>
public sealed record RetentionPolicy
{
    public RetentionPolicy(string name, TimeSpan duration)
    {
        if (string.IsNullOrEmpty(name))
            throw new ArgumentException("The retention policy's name is empty.", nameof(name));
        if (duration < TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"Retention policy '{name}' keeps {duration}; InfluxDB's minimum is 1 hour.");
        InfluxQl.Duration(duration);
        Name = name;
        Duration = duration;
    }

    public string Name { get; }

    public TimeSpan Duration { get; }
}

/// <summary>What <c>InfluxDbClient.EnsureDatabaseAsync</c> had to change; all false when nothing.</summary>
public sealed record DatabaseSetup(bool DatabaseCreated, bool PolicyCreated, bool PolicyAltered)
{
    public bool Changed => DatabaseCreated || PolicyCreated || PolicyAltered;
}
