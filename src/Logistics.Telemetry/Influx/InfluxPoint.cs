namespace Logistics.Telemetry.Influx;

/// <summary>One point for InfluxDB: measurement, tags, fields and an optional time (without one,
/// the server stamps its own clock). Every name and value is checked as it is added, so a point
/// that exists can always be encoded. Not thread-safe while being built.</summary>
public sealed class InfluxPoint
{
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    // InfluxDB recommends tags sorted by key in byte order (that is how it sorts them itself).
    private readonly SortedDictionary<string, string> _tags = new(Utf8ByteOrder.Instance);
    private readonly List<KeyValuePair<string, InfluxFieldValue>> _fields = [];

    public InfluxPoint(string measurement)
    {
        LineProtocolEncoder.CheckMeasurement(measurement);
        Measurement = measurement;
    }

    public string Measurement { get; }

    /// <summary>The tags, in the order they are encoded (by key, byte order).</summary>
    public IReadOnlyDictionary<string, string> Tags => _tags;

    /// <summary>The fields, in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, InfluxFieldValue>> Fields => _fields;

    /// <summary>Nanoseconds since 1970-01-01T00:00:00Z; null lets the server use its own clock.</summary>
    public long? UnixNanoseconds { get; private set; }

    public InfluxPoint Tag(string key, string value)
    {
        LineProtocolEncoder.CheckTag(Measurement, key, value);
        if (!_tags.TryAdd(key, value))
            throw new ArgumentException($"Tag '{key}' is given twice on measurement '{Measurement}' ('{_tags[key]}', then '{value}').", nameof(key));
        return this;
    }

    public InfluxPoint Field(string key, InfluxFieldValue value)
    {
        LineProtocolEncoder.CheckField(Measurement, key, value);
        if (_fields.Exists(f => f.Key == key))
            throw new ArgumentException($"Field '{key}' is given twice on measurement '{Measurement}'.", nameof(key));
        _fields.Add(new(key, value));
        return this;
    }

    public InfluxPoint At(DateTimeOffset time)
    {
        long nanoseconds;
        try
        {
            nanoseconds = checked((time.UtcTicks - UnixEpochTicks) * 100);
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time,
                $"Timestamp {time:O} of measurement '{Measurement}' is outside what InfluxDB stores (1677-09-21 to 2262-04-11).");
        }
        UnixNanoseconds = nanoseconds;
        return this;
    }

    public InfluxPoint AtUnixNanoseconds(long unixNanoseconds)
    {
        UnixNanoseconds = unixNanoseconds;
        return this;
    }

    public override string ToString() => LineProtocolEncoder.Encode(this, InfluxPrecision.Nanoseconds);

    /// <summary>Orders strings as their UTF-8 bytes (= Unicode code point order), as InfluxDB does;
    /// .NET's ordinal order differs for characters outside the Basic Multilingual Plane.</summary>
    private sealed class Utf8ByteOrder : IComparer<string>
    {
        public static readonly Utf8ByteOrder Instance = new();

        public int Compare(string? x, string? y) =>
            x is null || y is null ? (x is null ? (y is null ? 0 : -1) : 1) : LineProtocolEncoder.CompareUtf8(x, y);
    }
}
