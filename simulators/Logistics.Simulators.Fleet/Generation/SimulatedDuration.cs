using System.Globalization;
using System.Text.RegularExpressions;

namespace Logistics.Simulators.Fleet.Generation;

/// <summary>Durations on the command line, in simulated time: a number with a unit (s, m or h),
/// e.g. "90s", "10m", "1.5h"; a bare number means minutes, the unit faults are scripted in.</summary>
public static partial class SimulatedDuration
{
    [GeneratedRegex(@"^(?<sign>[+-])?(?<value>\d+(?:\.\d+)?)(?<unit>ms|s|m|h)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public const string Expected = "a number with s, m or h, e.g. 90s, 10m, 1.5h";

    /// <summary>Parses a duration that is not negative; a sign is refused unless <paramref name="signed"/>.</summary>
    public static bool TryParse(string text, bool signed, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || (!signed && match.Groups["sign"].Success)) return false;
        var number = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var seconds = match.Groups["unit"].Value switch
        {
            "ms" => number / 1000,
            "s" => number,
            "h" => number * 3600,
            _ => number * 60,
        };
        if (seconds > TimeSpan.FromDays(3650).TotalSeconds) return false;
        value = TimeSpan.FromSeconds(match.Groups["sign"].Value == "-" ? -seconds : seconds);
        return true;
    }

    public static TimeSpan Parse(string text, string what, bool signed = false) =>
        TryParse(text, signed, out var value)
            ? value
            : throw new FormatException($"{what}: '{text}' is not a duration ({Expected})");

    /// <summary>The shortest form that reads back to the same value, e.g. "10m", "90s", "-7m".</summary>
    public static string Format(TimeSpan value)
    {
        var sign = value < TimeSpan.Zero ? "-" : "";
        var abs = value.Duration();
        if (abs.Ticks % TimeSpan.TicksPerHour == 0 && abs >= TimeSpan.FromHours(1)) return $"{sign}{(long)abs.TotalHours}h";
        if (abs.Ticks % TimeSpan.TicksPerMinute == 0) return $"{sign}{(long)abs.TotalMinutes}m";
        return sign + abs.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}
