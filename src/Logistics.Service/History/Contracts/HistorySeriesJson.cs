namespace Logistics.Service.History.Contracts;

/// <summary>GET /api/history?series=…: one series' saved rows by date.</summary>
public sealed record HistorySeriesJson(string Series, double Total, IReadOnlyList<HistoryRowJson> Rows);

public sealed record HistoryRowJson(DateOnly Date, double Quantity);
