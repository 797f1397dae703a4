using System.ComponentModel.DataAnnotations;

namespace Logistics.Service.WebPages;

/// <summary>The web pages' settings (section "Web").</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string Section = "Web";

    /// <summary>Leaflet tile URL template, e.g. https://{s}.tile.example.org/{z}/{x}/{y}.png. Empty: no tiles;
    /// the map draws routes, stops, store names and a scale on a plain background, which works offline
    /// and sends no depot or store position to a tile server.</summary>
    public string TileUrl { get; set; } = "";

    /// <summary>Shown in the map's corner when tiles are on; tile providers require it.</summary>
    public string TileAttribution { get; set; } = "";

    [Range(1, 22)]
    public int TileMaxZoom { get; set; } = 18;

    /// <summary>The origin the pages' Content-Security-Policy allows images from, with a {s} subdomain
    /// as a wildcard; null without tiles.</summary>
    public string? TileSource =>
        Uri.TryCreate(TileUrl.Replace("{s}", "tiles", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{(TileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[(uri.Host.IndexOf('.') + 1)..] : uri.Host)}{(uri.IsDefaultPort ? "" : $":{uri.Port}")}"
            : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TileUrl.Length == 0) yield break;
        if (TileSource is null || !(TileUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || TileUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            yield return new ValidationResult($"Web:TileUrl: '{TileUrl}' is not an http(s) URL template; use e.g. https://{{s}}.tile.example.org/{{z}}/{{x}}/{{y}}.png, or leave it empty for no tiles", [nameof(TileUrl)]);
        else if (!TileUrl.Contains("{z}", StringComparison.Ordinal) || !TileUrl.Contains("{x}", StringComparison.Ordinal) || !TileUrl.Contains("{y}", StringComparison.Ordinal))
            yield return new ValidationResult($"Web:TileUrl: '{TileUrl}' lacks one of {{z}}, {{x}}, {{y}}; Leaflet fills those in per tile", [nameof(TileUrl)]);
    }
}
