namespace Logistics.Telemetry.Alerts.Configuration;

/// <summary>Everything the alert engine is configured with (section <c>Alerts</c>). Bind with
/// <c>AddOptions&lt;AlertOptions&gt;().BindConfiguration(AlertOptions.Section)</c> and register
/// <see cref="AlertOptionsValidator"/>; the defaults are the ones in docs/alerts.md.</summary>
public sealed record AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Cargo profiles by name (case-insensitive). Starts with <c>tobacco</c>, <c>chilled</c> and
    /// <c>frozen</c>; configuration adds profiles or overrides single settings of these.</summary>
    public Dictionary<string, CargoProfileOptions> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tobacco"] = CargoProfileOptions.Tobacco(),
        ["chilled"] = CargoProfileOptions.Chilled(),
        ["frozen"] = CargoProfileOptions.Frozen(),
    };

    /// <summary>The profile of a truck that <see cref="Trucks"/> does not name.</summary>
    public string DefaultProfile { get; set; } = "tobacco";

    /// <summary>Truck id → profile name.</summary>
    public Dictionary<string, string> Trucks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A truck on duty that has sent nothing for this long (receive time, wall clock) raises "no data".</summary>
    public TimeSpan NoDataAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A door reported open for this long (device time) raises "door open".</summary>
    public TimeSpan DoorOpenAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long (device time behind the truck's newest message, or wall clock since receipt) a message is held
    /// so that messages arriving out of order within it are still evaluated in device-time order.</summary>
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromSeconds(15);

    public TrendOptions Trend { get; set; } = new();

    /// <summary>The profile name that applies to <paramref name="truck"/>.</summary>
    public string ProfileNameOf(string truck) => Trucks.TryGetValue(truck, out var name) ? name : DefaultProfile;

    /// <summary>Every problem with these options, each naming the setting and the value; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Profiles.Count == 0) errors.Add("Alerts:Profiles must name at least one cargo profile");
        foreach (var (name, profile) in Profiles)
        {
            if (profile is null) errors.Add($"Alerts:Profiles:{name} is empty");
            else errors.AddRange(profile.Validate(name));
        }
        if (string.IsNullOrWhiteSpace(DefaultProfile) || !Profiles.ContainsKey(DefaultProfile))
            errors.Add($"Alerts:DefaultProfile '{DefaultProfile}' is not one of the profiles ({string.Join(", ", Profiles.Keys)})");
        foreach (var (truck, profile) in Trucks)
        {
            if (profile is null || !Profiles.ContainsKey(profile))
                errors.Add($"Alerts:Trucks:{truck} names the profile '{profile}', which is not one of the profiles ({string.Join(", ", Profiles.Keys)})");
        }
        if (NoDataAfter <= TimeSpan.Zero) errors.Add($"Alerts:NoDataAfter must be positive, got {NoDataAfter}");
        if (DoorOpenAfter < TimeSpan.Zero) errors.Add($"Alerts:DoorOpenAfter must not be negative, got {DoorOpenAfter}");
        if (ReorderWindow < TimeSpan.Zero) errors.Add($"Alerts:ReorderWindow must not be negative, got {ReorderWindow}");
        if (Trend is null) errors.Add("Alerts:Trend is empty");
        else errors.AddRange(Trend.Validate());
        return errors;
    }
}
