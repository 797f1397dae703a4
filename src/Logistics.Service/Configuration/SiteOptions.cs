using System.ComponentModel.DataAnnotations;

namespace Logistics.Service.Configuration;

/// <summary>Where the distribution centre is (section "Site"): plans are in its local clock times,
/// telemetry in UTC; this converts between them.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>IANA time zone of the depot; Nanning is on China Standard Time.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The instant of a plan's local clock time on its date.</summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(TimeZone) || TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _)) yield break;
        yield return new ValidationResult($"Site:TimeZone: '{TimeZone}' is not a time zone this machine knows (e.g. Asia/Shanghai)", [nameof(TimeZone)]);
    }
}
