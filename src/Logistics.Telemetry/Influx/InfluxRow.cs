using System.Globalization;

namespace Logistics.Telemetry.Influx;

/// <summary>One row of a series: values in column order, read by column name. Numbers arrive as
/// long when InfluxDB wrote them without a fraction, otherwise as double; JSON cannot tell a float
/// field holding 2.0 from an integer, so <see cref="GetDouble"/> accepts both.</summary>
public sealed class InfluxRow
{
    private readonly IReadOnlyDictionary<string, int> _columns;

    internal InfluxRow(IReadOnlyDictionary<string, int> columns, IReadOnlyList<object?> values)
    {
        _columns = columns;
        Values = values;
    }

    /// <summary>string, long, double, bool or null, in column order.</summary>
    public IReadOnlyList<object?> Values { get; }

    public object? this[string column] =>
        _columns.TryGetValue(column, out var i) && i < Values.Count ? Values[i]
            : throw new KeyNotFoundException($"the series has no column '{column}' (it has {string.Join(", ", _columns.Keys)})");

    /// <summary>The "time" column, or null when the row has none.</summary>
    public DateTimeOffset? Time => _columns.ContainsKey("time") ? ToTime(this["time"]) : null;

    public double? GetDouble(string column) => this[column] switch
    {
        null => null,
        double d => d,
        long l => l,
        var other => throw WrongType(column, other, "number"),
    };

    public long? GetInt64(string column) => this[column] switch
    {
        null => null,
        long l => l,
        var other => throw WrongType(column, other, "integer"),
    };

    public string? GetString(string column) => this[column] switch
    {
        null => null,
        string s => s,
        var other => throw WrongType(column, other, "string"),
    };

    public bool? GetBoolean(string column) => this[column] switch
    {
        null => null,
        bool b => b,
        var other => throw WrongType(column, other, "boolean"),
    };

    private static DateTimeOffset? ToTime(object? value) => value switch
    {
        null => null,
        long ns => DateTimeOffset.UnixEpoch.AddTicks(Math.DivRem(ns, 100) is var (q, r) && r < 0 ? q - 1 : q),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        var other => throw new FormatException($"the time column holds {other} ({other.GetType().Name}), not a time"),
    };

    private static InvalidCastException WrongType(string column, object value, string wanted) =>
        new($"column '{column}' holds {value} ({value.GetType().Name}), not a {wanted}");
}
