namespace Logistics.Service.WebPages;

/// <summary>GET /api/web/settings: who the key belongs to (the pages show it and hide what the role
/// may not do) and how to draw the map.</summary>
public sealed record WebSettings(string User, string Role, MapSettings Map);

/// <summary>An empty <see cref="TileUrl"/> means no tiles.</summary>
public sealed record MapSettings(string TileUrl, string TileAttribution, int TileMaxZoom);
