namespace Logistics.Service.Forecasts.Contracts;

/// <summary>GET /api/forecasts/{id}/stock-up: stores whose next month is forecast well above this one, largest increase first.</summary>
/// <param name="ThisMonth">The first calendar month the forecast covers (yyyy-MM).</param>
/// <param name="ThresholdPercent">A store is listed when its next month is at least this much above this month.</param>
public sealed record StockUpList(string ForecastId, string ThisMonth, string NextMonth, double ThresholdPercent, IReadOnlyList<StockUpStore> Stores);

/// <param name="ThisMonthCartons">Forecast cartons in the forecast's periods that start in this month.</param>
/// <param name="IncreasePercent">Next month over this month, per day (months differ in length); null when this month has none forecast.</param>
public sealed record StockUpStore(string Series, double ThisMonthCartons, double NextMonthCartons, double? IncreasePercent);
