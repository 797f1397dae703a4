namespace Logistics.Telemetry.Alerts.Configuration;

/// <summary>The predictive warning (section <c>Alerts:Trend</c>): a least-squares line through a sensor's recent
/// readings that will leave the warning band soon.</summary>
public sealed record TrendOptions
{
    /// <summary>Readings older than this (device time, behind the newest) are not in the fit.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The fit needs readings spanning at least this long, so a few minutes of noise predict nothing.</summary>
    public TimeSpan MinimumSpan { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far ahead a crossing counts.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The fewest readings the fit needs.</summary>
    public int MinimumSamples { get; set; } = 6;

    /// <summary>The line must explain at least this share of the readings' variance (R²); noise around a level does not.</summary>
    public double MinimumRSquared { get; set; } = 0.6;

    public bool Enabled { get; set; } = true;

    internal IEnumerable<string> Validate()
    {
        if (Window <= TimeSpan.Zero) yield return $"Alerts:Trend:Window must be positive, got {Window}";
        if (MinimumSpan <= TimeSpan.Zero || MinimumSpan > Window)
            yield return $"Alerts:Trend:MinimumSpan must be positive and at most Window ({Window}), got {MinimumSpan}";
        if (Horizon <= TimeSpan.Zero) yield return $"Alerts:Trend:Horizon must be positive, got {Horizon}";
        if (MinimumSamples < 3) yield return $"Alerts:Trend:MinimumSamples must be at least 3, got {MinimumSamples}";
        if (!(MinimumRSquared is >= 0 and <= 1)) yield return $"Alerts:Trend:MinimumRSquared must be between 0 and 1, got {MinimumRSquared}";
    }
}
