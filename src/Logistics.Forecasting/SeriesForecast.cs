namespace Logistics.Forecasting;

/// <summary>The forecast of one series (or of the depot total).</summary>
/// <param name="Series">The series' id; <see cref="ForecastResult.DepotTotalId"/> for the depot total.</param>
/// <param name="Method">The method used: a <see cref="ForecastMethods.Name"/>, <see cref="ForecastMethods.FallbackName"/>, or "bottom-up" for the total.</param>
/// <param name="Note">Why the method was not chosen by backtest (a short series' fallback), or null.</param>
/// <param name="History">The history the forecast was made from, one value per period.</param>
/// <param name="Points">One point per future period.</param>
public sealed record SeriesForecast(
    string Series, string Method, string? Note, IReadOnlyList<PeriodValue> History, IReadOnlyList<ForecastPoint> Points);
