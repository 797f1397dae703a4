using System.Text;

namespace Logistics.Telemetry.Influx;

/// <summary>Writes points as InfluxDB v1 line protocol (through <see cref="LineProtocolBatch"/>):
/// <c>measurement,tag=value,… field=value,… timestamp</c>. Escaping follows the v1 reference:
/// commas and spaces in measurements; commas, equals signs and spaces in tag keys, tag values and
/// field keys; double quotes and backslashes inside string field values. Stateless, thread-safe.</summary>
public static class LineProtocolEncoder
{
    private const string MeasurementSpecials = ", ";
    private const string KeySpecials = ",= ";
    private static readonly System.Buffers.SearchValues<char> Unwritable = System.Buffers.SearchValues.Create("\r\n\\");

    public static string Encode(InfluxPoint point, InfluxPrecision precision)
    {
        var batch = new LineProtocolBatch(precision, 256);
        batch.Add(point);
        return batch.Line(0);
    }

    /// <summary>Points one per line, each line ended by '\n'.</summary>
    public static string Encode(IEnumerable<InfluxPoint> points, InfluxPrecision precision)
    {
        var batch = new LineProtocolBatch(precision);
        foreach (var point in points) batch.Add(point);
        return Encoding.UTF8.GetString(batch.Body.Span);
    }

    internal static void CheckMeasurement(string measurement)
    {
        CheckName("Measurement", measurement, MeasurementSpecials, measurement: null);
        if (measurement.StartsWith('#'))
            throw new ArgumentException($"Measurement '{Printable(measurement)}' starts with '#', which makes the line a comment.", nameof(measurement));
    }

    internal static void CheckTag(string measurement, string key, string value)
    {
        CheckName("Tag key", key, KeySpecials, measurement);
        CheckReservedTime("Tag key", key, measurement);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
            throw new ArgumentException($"Tag '{key}' on measurement '{measurement}' has an empty value: InfluxDB would drop the tag.", nameof(value));
        if (value.AsSpan().IndexOfAny(Unwritable) < 0) return;
        CheckText($"Value '{Printable(value)}' of tag '{key}' on measurement '{measurement}'", value, KeySpecials);
    }

    internal static void CheckField(string measurement, string key, InfluxFieldValue value)
    {
        CheckName("Field key", key, KeySpecials, measurement);
        CheckReservedTime("Field key", key, measurement);
        if (value.Kind == InfluxFieldKind.Float && !double.IsFinite(value.AsFloat))
            throw new ArgumentException($"Field '{key}' on measurement '{measurement}' is {value}: line protocol has no NaN or infinity.", nameof(value));
    }

    /// <param name="measurement">The measurement the name is on, for the message (null: the name is the measurement's).</param>
    private static void CheckName(string what, string name, string specials, string? measurement)
    {
        ArgumentNullException.ThrowIfNull(name);
        // The check runs for every tag and field of every line: the message's text is made only for a name that fails.
        if (name.Length > 0 && name.AsSpan().IndexOfAny(Unwritable) < 0) return;
        var where = measurement is null ? "" : $" on measurement '{measurement}'";
        if (name.Length == 0)
            throw new ArgumentException($"{what} is empty{where}.", nameof(name));
        CheckText($"{what} '{Printable(name)}'{where}", name, specials);
    }

    private static void CheckReservedTime(string what, string key, string measurement)
    {
        if (key == "time")
            throw new ArgumentException($"{what} 'time' on measurement '{measurement}' is reserved for the timestamp.", nameof(key));
    }

    /// <summary>Line protocol ends a line at a newline whatever precedes it, and its parser keeps a
    /// backslash as it is unless it escapes a special character: a backslash at the end, or just
    /// before a comma, equals sign or space, cannot be written so that it reads back the same.</summary>
    private static void CheckText(string described, string text, string specials)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
                throw new ArgumentException($"{described} contains a line break, which line protocol cannot carry.", nameof(text));
            if (c == '\\' && (i == text.Length - 1 || specials.Contains(text[i + 1])))
                throw new ArgumentException(
                    $"{described} has a backslash {(i == text.Length - 1 ? "at its end" : $"before '{text[i + 1]}'")}, which line protocol cannot carry.", nameof(text));
        }
    }

    /// <summary>UTF-8 byte order (= Unicode code point order), as InfluxDB sorts tags; .NET's ordinal order differs
    /// for characters outside the Basic Multilingual Plane.</summary>
    internal static int CompareUtf8(string x, string y)
    {
        if (System.Text.Ascii.IsValid(x) && System.Text.Ascii.IsValid(y)) return string.CompareOrdinal(x, y);
        var a = x.EnumerateRunes();
        var b = y.EnumerateRunes();
        while (true)
        {
            var hasA = a.MoveNext();
            var hasB = b.MoveNext();
            if (!hasA || !hasB) return hasA ? 1 : hasB ? -1 : 0;
            var c = a.Current.Value.CompareTo(b.Current.Value);
            if (c != 0) return c;
        }
    }

    /// <summary>A value as it can be shown inside one line of an error message.</summary>
    internal static string Printable(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");
}
