using System.Globalization;
using Logistics.Core;
using Logistics.Telemetry.Influx;

namespace Logistics.Service.Api;

/// <summary>Reads query and route parameters (the QA API's telemetry, alerts and excursions), collecting one message per bad parameter (naming its
/// value and what to send instead), so a caller learns every mistake of a request at once.</summary>
public sealed class QueryErrors : FieldErrors
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);
    public static readonly TimeSpan MinBucket = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxBucket = TimeSpan.FromDays(1);

    /// <summary>A truck id as devices use them; null when absent and not required.</summary>
    public string? Truck(string field, string? value, bool required = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required) Add(field, "a truck id is required, e.g. T-001.");
            return null;
        }
        if (TruckId.IsValid(value)) return value;
        Add(field, $"'{value}' is not a truck id: use {TruckId.Rule}, e.g. T-001.");
        return null;
    }

    /// <summary>A sensor name as the parser accepts them (1–64 printable characters); null when absent.</summary>
    public string? Sensor(string field, string? value)
    {
        if (value is null) return null;
        if (value.Length is > 0 and <= 64 && !value.Any(char.IsControl)) return value;
        Add(field, $"'{value}' is not a sensor name: use 1 to 64 printable characters, e.g. front.");
        return null;
    }

    /// <summary>An ISO-8601 instant inside <see cref="DateLimits"/>; one without an offset is taken as UTC.</summary>
    public DateTimeOffset? Instant(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            Add(field, $"'{value}' is not an instant: use ISO-8601 from {DateLimits.InstantRange}, e.g. 2026-11-22T08:00:00Z.");
            return null;
        }
        if (DateLimits.InstantProblem(instant, value) is { } problem)
        {
            Add(field, problem);
            return null;
        }
        return instant.ToUniversalTime();
    }

    /// <summary>The start of a range that defaults to <paramref name="length"/> before its end: never before
    /// <see cref="DateLimits.FirstInstant"/>, whatever the end.</summary>
    public static DateTimeOffset Before(DateTimeOffset end, TimeSpan length) =>
        end - DateLimits.FirstInstant < length ? DateLimits.FirstInstant : end - length;

    /// <summary>A [from, to) pair: from before to, at most <paramref name="maxRange"/> apart when given.</summary>
    public void Range(DateTimeOffset? from, DateTimeOffset? to, TimeSpan? maxRange = null)
    {
        if (from is not { } f || to is not { } t) return;
        if (f >= t)
            Add("from", $"'{InfluxQl.Rfc3339(f)}' is not before to '{InfluxQl.Rfc3339(t)}': swap them or widen the range.");
        else if (maxRange is { } max && t - f > max)
            Add("to", $"'{InfluxQl.Rfc3339(t)}' is {(t - f).TotalDays:0.#} days after from; the range may be at most {max.TotalDays:0} days: query in parts.");
    }

    /// <summary>A history bucket such as 30s, 1m, 1h: between 10 s and 1 d.</summary>
    public TimeSpan? Bucket(string field, string? value, TimeSpan fallback)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        TimeSpan bucket;
        try
        {
            bucket = InfluxQl.ParseDuration(value, field);
        }
        catch (ArgumentException)
        {
            Add(field, $"'{value}' is not a duration: use digits and one unit (s, m, h, d), e.g. 1m or 15m.");
            return null;
        }
        if (bucket >= MinBucket && bucket <= MaxBucket) return bucket;
        Add(field, $"'{value}' is outside 10s…1d: choose a bucket between 10 seconds and 1 day.");
        return null;
    }

    /// <summary>An integer in [min, max]; <paramref name="fallback"/> when absent.</summary>
    public int Integer(string field, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Add(field, $"'{value}' is not a whole number from {min} to {max}.");
        return fallback;
    }

    /// <summary>One of an enum's names, case-insensitive; null when absent.</summary>
    public T? Choice<T>(string field, string? value) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (!value.All(char.IsAsciiLetter) || !Enum.TryParse<T>(value, ignoreCase: true, out var parsed))
        {
            Add(field, $"'{value}' is not one of {string.Join(", ", Enum.GetValues<T>().Select(ApiNames.Of))}.");
            return null;
        }
        return parsed;
    }

    /// <summary>A GUID route parameter (alert and excursion ids).</summary>
    public Guid? Id(string field, string? value)
    {
        if (Guid.TryParse(value, out var id)) return id;
        Add(field, $"'{value}' is not an id: use the id of an alert or excursion as listed, e.g. 3f2c9a0e-…");
        return null;
    }

}
