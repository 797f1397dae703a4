namespace Logistics.Routing.Model;

/// <summary>A depot: where vehicles start and end. Times are in the problem's integer time unit.</summary>
/// <param name="X">Planar or projected coordinate, used only to shape the search (neighbourhoods, sectors).</param>
public sealed record Depot(string Id, double X, double Y, long OpenTime = 0, long CloseTime = long.MaxValue / 4);
