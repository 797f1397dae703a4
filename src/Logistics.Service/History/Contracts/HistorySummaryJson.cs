namespace Logistics.Service.History.Contracts;

/// <summary>GET /api/history: what the saved history holds; null dates when it is empty.</summary>
/// <param name="Total">Sum of every quantity (cartons for an order history).</param>
public sealed record HistorySummaryJson(int Series, int Rows, DateOnly? First, DateOnly? Last, double Total, IReadOnlyList<string> SeriesIds);
