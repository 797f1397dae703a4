namespace Logistics.Forecasting;

/// <summary>One future period of one series: the point forecast and its 80% and 95% intervals.</summary>
/// <param name="Date">First day of the period.</param>
public sealed record ForecastPoint(DateOnly Date, double Forecast, double Lower80, double Upper80, double Lower95, double Upper95);
