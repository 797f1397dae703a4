using System.Text;

namespace Logistics.Telemetry.Influx;

/// <summary>Writes points as InfluxDB v1 line protocol:
/// <c>measurement,tag=value,… field=value,… timestamp</c>. Escaping follows the v1 reference:
/// commas and spaces in measurements; commas, equals signs and spaces in tag keys, tag values and
/// field keys; double quotes and backslashes inside string field values. Stateless, thread-safe.</summary>
public static class LineProtocolEncoder
{
    private const string MeasurementSpecials = ", ";
    private const string KeySpecials = ",= ";

    public static string Encode(InfluxPoint point, InfluxPrecision precision)
    {
        var line = new StringBuilder(64);
        Append(line, point, precision);
        return line.ToString();
    }

    /// <summary>Points one per line, each line ended by '\n'.</summary>
    public static string Encode(IEnumerable<InfluxPoint> points, InfluxPrecision precision)
    {
        var text = new StringBuilder();
        foreach (var point in points)
        {
            Append(text, point, precision);
            text.Append('\n');
        }
        return text.ToString();
    }

    public static void Append(StringBuilder line, InfluxPoint point, InfluxPrecision precision)
    {
        if (point.Fields.Count == 0)
            throw new ArgumentException($"Measurement '{point.Measurement}' has no fields: InfluxDB needs at least one.", nameof(point));
        Escape(line, point.Measurement, MeasurementSpecials);
        foreach (var (key, value) in point.Tags)
        {
            line.Append(',');
            Escape(line, key, KeySpecials);
            line.Append('=');
            Escape(line, value, KeySpecials);
        }
        var separator = ' ';
        foreach (var (key, value) in point.Fields)
        {
            line.Append(separator);
            separator = ',';
            Escape(line, key, KeySpecials);
            line.Append('=');
            if (value.Kind == InfluxFieldKind.String)
            {
                line.Append('"');
                foreach (var c in value.AsString)
                {
                    if (c is '"' or '\\') line.Append('\\');
                    line.Append(c);
                }
                line.Append('"');
            }
            else
            {
                line.Append(value.ToString());
            }
        }
        if (point.UnixNanoseconds is { } nanoseconds)
            line.Append(' ').Append(precision.FromUnixNanoseconds(nanoseconds));
    }

    internal static void CheckMeasurement(string measurement)
    {
        CheckName("Measurement", measurement, MeasurementSpecials, "");
        if (measurement.StartsWith('#'))
            throw new ArgumentException($"Measurement '{Printable(measurement)}' starts with '#', which makes the line a comment.", nameof(measurement));
    }

    internal static void CheckTag(string measurement, string key, string value)
    {
        CheckName("Tag key", key, KeySpecials, $" on measurement '{measurement}'");
        CheckReservedTime("Tag key", key, measurement);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
            throw new ArgumentException($"Tag '{key}' on measurement '{measurement}' has an empty value: InfluxDB would drop the tag.", nameof(value));
        CheckText($"Value '{Printable(value)}' of tag '{key}' on measurement '{measurement}'", value, KeySpecials);
    }

    internal static void CheckField(string measurement, string key, InfluxFieldValue value)
    {
        CheckName("Field key", key, KeySpecials, $" on measurement '{measurement}'");
        CheckReservedTime("Field key", key, measurement);
        if (value.Kind == InfluxFieldKind.Float && !double.IsFinite(value.AsFloat))
            throw new ArgumentException($"Field '{key}' on measurement '{measurement}' is {value}: line protocol has no NaN or infinity.", nameof(value));
    }

    private static void CheckName(string what, string name, string specials, string where)
    {
        ArgumentNullException.ThrowIfNull(name);
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

    private static void Escape(StringBuilder line, string text, string specials)
    {
        foreach (var c in text)
        {
            if (specials.Contains(c)) line.Append('\\');
            line.Append(c);
        }
    }

    /// <summary>A value as it can be shown inside one line of an error message.</summary>
    internal static string Printable(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");
}
