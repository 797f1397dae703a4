namespace Logistics.Service.WebPages;

/// <summary>GET /api/web/settings: who the key belongs to (the pages show it and hide what the role
/// may not do), how to draw the map, the site's time zone (every date and time on the pages is in it, and
/// named), and the API's limits that the pages' forms enforce too.</summary>
public sealed record WebSettings(string User, string Role, MapSettings Map, string TimeZone, FormLimits Limits);

/// <summary>An empty <see cref="TileUrl"/> means no tiles.</summary>
public sealed record MapSettings(string TileUrl, string TileAttribution, int TileMaxZoom);
