namespace Logistics.Forecasting.History;

/// <summary>One observation of order history: what one series (a store) ordered on one date.</summary>
/// <param name="Series">The series' id, e.g. a store id.</param>
/// <param name="Date">The order (or period) date.</param>
/// <param name="Quantity">Cartons (or any non-negative quantity); several points on one date are summed.</param>
public sealed record HistoryPoint(string Series, DateOnly Date, double Quantity);
