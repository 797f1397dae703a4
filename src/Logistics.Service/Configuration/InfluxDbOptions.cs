using System.ComponentModel.DataAnnotations;

namespace Logistics.Service.Configuration;

/// <summary>The InfluxDB v1 API readings are stored in (section "InfluxDb").</summary>
public sealed class InfluxDbOptions : IValidatableObject
{
    public const string Section = "InfluxDb";

    [Required] public string Url { get; set; } = "http://127.0.0.1:18086";
    [Required] public string Database { get; set; } = "logistics";
    [Required] public string Username { get; set; } = "admin";

    [Required(ErrorMessage = "InfluxDb:Password is required: set the environment variable InfluxDb__Password " +
        "(./run.sh takes it from .run/demo/infra.env, written by scripts/infra.sh up).")]
    public string Password { get; set; } = "";

    [Range(0.1, 300)] public double TimeoutSeconds { get; set; } = 5;

    /// <summary>The retention policy the listener creates (as the default) and writes to.</summary>
    [Required] public string RetentionPolicy { get; set; } = "cold_chain";

    /// <summary>How long readings are kept: QA must prove what the cargo went through for two years.</summary>
    [Range(1, 36500)] public int RetentionDays { get; set; } = 760;

    /// <summary>Gzip the listener's writes: worth it when InfluxDB is across a slow network; on the same machine
    /// (the default setup) both sides only spend CPU on it and InfluxDB took plain writes about twice as fast
    /// (README, "Telemetry under overload", the influx-write benchmark).</summary>
    public bool Gzip { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            yield return new ValidationResult($"InfluxDb:Url '{Url}' is not an http:// or https:// address.", [nameof(Url)]);
    }
}
