using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Logistics.Telemetry.Influx;

/// <summary>Quoting for the parts of an InfluxQL statement that cannot be bound parameters
/// (identifiers, durations) and for values when a statement is built as text. Each helper yields
/// exactly one token whatever its input, so input cannot change a statement's structure.</summary>
public static partial class InfluxQl
{
    /// <summary>An identifier (database, retention policy, measurement, tag or field) in double quotes.</summary>
    public static string QuoteIdentifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0) throw new ArgumentException("An InfluxQL identifier cannot be empty.", nameof(name));
        return Quote(name, '"');
    }

    /// <summary>A string literal in single quotes.</summary>
    public static string QuoteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Quote(value, '\'');
    }

    /// <summary>A time literal: the instant in UTC as RFC 3339 in single quotes, to 100 ns.</summary>
    public static string TimeLiteral(DateTimeOffset time) => "'" + Rfc3339(time) + "'";

    /// <summary>The instant in UTC as RFC 3339 (what InfluxDB compares with <c>time</c>).</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A duration literal (GROUP BY time(…), retention policies) in the largest whole unit:
    /// "5m", "760d", "1500ms". Must be positive, in whole milliseconds, and below 100,000 days.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration.Ticks % TimeSpan.TicksPerMillisecond != 0 || duration >= TimeSpan.FromDays(100_000))
            throw new ArgumentOutOfRangeException(nameof(duration), duration,
                $"Duration {duration} must be positive, a whole number of milliseconds, and less than 100,000 days.");
        foreach (var (unit, size) in Units)
            if (duration.Ticks % size.Ticks == 0)
                return (duration.Ticks / size.Ticks).ToString(CultureInfo.InvariantCulture) + unit;
        throw new InvalidOperationException("unreachable: every whole-millisecond duration has a unit");
    }

    /// <summary>Reads a duration as an API caller writes it ("90s", "5m", "1h", "7d", "2w", "500ms"):
    /// digits and one unit, nothing else.</summary>
    public static TimeSpan ParseDuration(string text, string field = "duration")
    {
        var match = text is null ? null : DurationPattern().Match(text);
        if (match is null || !match.Success || !long.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var count))
            throw new ArgumentException($"{field} '{text}' is not a duration such as 90s, 5m, 1h, 7d, 2w or 500ms.", field);
        var size = Units.First(u => u.Unit == match.Groups[2].Value).Size;
        if (count == 0 || count > TimeSpan.FromDays(100_000).Ticks / size.Ticks)
            throw new ArgumentException($"{field} '{text}' must be positive and less than 100,000 days.", field);
        return TimeSpan.FromTicks(count * size.Ticks);
    }

    private static readonly (string Unit, TimeSpan Size)[] Units =
    [
        ("w", TimeSpan.FromDays(7)), ("d", TimeSpan.FromDays(1)), ("h", TimeSpan.FromHours(1)),
        ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)), ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    [GeneratedRegex("^([0-9]{1,12})(ms|s|m|h|d|w)$")]
    private static partial Regex DurationPattern();

    /// <summary>InfluxQL's string scanner knows four escapes (\\, \", \', \n) and ends a string at a
    /// raw newline, so backslash, the quote and newline are escaped; everything else stays as it is.</summary>
    private static string Quote(string text, char quote)
    {
        var quoted = new StringBuilder(text.Length + 2).Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': quoted.Append(@"\\"); break;
                case '\n': quoted.Append(@"\n"); break;
                default:
                    if (c == quote) quoted.Append('\\');
                    quoted.Append(c);
                    break;
            }
        }
        return quoted.Append(quote).ToString();
    }
}
