using System.Globalization;

namespace Logistics.Service.Api;

/// <summary>The dates and instants the API accepts, in one place: a date outside them is the client's mistake
/// (400 naming the parameter, its value and this range), never a 500 from arithmetic on it or a 503 from
/// InfluxDB refusing it.</summary>
public static class DateLimits
{
    /// <summary>InfluxDB 1.x keeps time as int64 nanoseconds since 1970: 1677-09-21T00:12:43Z … 2262-04-11T23:47:16Z.
    /// A day's margin on each side leaves room for the day-long default history and for bucket alignment.</summary>
    public static readonly DateTimeOffset FirstInstant = new(1677, 9, 22, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc cref="FirstInstant"/>
    public static readonly DateTimeOffset LastInstant = new(2262, 4, 10, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Delivery days a plan or a day's orders may have: well inside what the telemetry store holds,
    /// so a published plan's stop times can always be compared with readings.</summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    /// <inheritdoc cref="FirstDay"/>
    public static readonly DateOnly LastDay = new(2099, 12, 31);

    public static string InstantRange => $"{Iso(FirstInstant)} to {Iso(LastInstant)}";

    public static string DayRange => $"{Day(FirstDay)} to {Day(LastDay)}";

    /// <summary>Null when the instant is inside the range; else what to tell the client about <paramref name="text"/>.</summary>
    public static string? InstantProblem(DateTimeOffset value, string text) =>
        value >= FirstInstant && value <= LastInstant
            ? null
            : $"'{text}' is outside the times the telemetry store holds: give an instant from {InstantRange}.";

    /// <summary>Null when the delivery day is inside the range; else what to tell the client about it.</summary>
    public static string? DayProblem(DateOnly day) =>
        day >= FirstDay && day <= LastDay ? null : $"'{Day(day)}' is not a delivery day this service plans: give a date from {DayRange}.";

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
