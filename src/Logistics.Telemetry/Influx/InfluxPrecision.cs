namespace Logistics.Telemetry.Influx;

/// <summary>The unit of the timestamps in a write. One setting drives both the numbers the encoder
/// writes and the <c>precision</c> parameter of /write, so the two cannot disagree.</summary>
public enum InfluxPrecision
{
    Nanoseconds,
    Microseconds,
    Milliseconds,
    Seconds,
}

public static class InfluxPrecisionExtensions
{
    /// <summary>The value of /write's <c>precision</c> parameter. InfluxDB 1.6 reads any value it does
    /// not know (including "us") as nanoseconds, so microseconds must be spelled "u".</summary>
    public static string ToQueryValue(this InfluxPrecision precision) => precision switch
    {
        InfluxPrecision.Nanoseconds => "ns",
        InfluxPrecision.Microseconds => "u",
        InfluxPrecision.Milliseconds => "ms",
        InfluxPrecision.Seconds => "s",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, $"precision '{precision}' is not one of ns, u, ms, s"),
    };

    /// <summary>Nanoseconds in one unit of this precision.</summary>
    public static long NanosecondsPerUnit(this InfluxPrecision precision) => precision switch
    {
        InfluxPrecision.Nanoseconds => 1,
        InfluxPrecision.Microseconds => 1_000,
        InfluxPrecision.Milliseconds => 1_000_000,
        InfluxPrecision.Seconds => 1_000_000_000,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, $"precision '{precision}' is not one of ns, u, ms, s"),
    };

    /// <summary>A Unix time in nanoseconds expressed in this precision, rounded towards the past (so a
    /// time before 1970 lands in the same unit as it would on a clock), as InfluxDB's clients do.</summary>
    public static long FromUnixNanoseconds(this InfluxPrecision precision, long unixNanoseconds) =>
        Math.DivRem(unixNanoseconds, precision.NanosecondsPerUnit()) is var (q, r) && r < 0 ? q - 1 : q;
}
