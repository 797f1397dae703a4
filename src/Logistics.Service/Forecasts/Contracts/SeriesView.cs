using Logistics.Forecasting;

namespace Logistics.Service.Forecasts.Contracts;

/// <summary>One series (a store, or the depot total) of a forecast: the history it was made from, one value per
/// period, and the forecast with its 80% and 95% intervals.</summary>
/// <param name="Note">Why the method was not chosen by backtest (a short series), or null.</param>
public sealed record SeriesView(string ForecastId, string Period, string Series, string Method, string? Note,
    IReadOnlyList<HistoryValueJson> History, IReadOnlyList<ForecastPointJson> Forecast)
{
    public static SeriesView From(string id, Period period, SeriesForecast s) =>
        new(id, period.Name(), s.Series, s.Method, s.Note, s.History.Select(h => new HistoryValueJson(h.Date, Math.Round(h.Quantity, 2))).ToArray(),
            s.Points.Select(ForecastPointJson.From).ToArray());
}

public sealed record HistoryValueJson(DateOnly Date, double Quantity);

/// <param name="Date">First day of the period.</param>
public sealed record ForecastPointJson(DateOnly Date, double Forecast, double Lower80, double Upper80, double Lower95, double Upper95)
{
    public static ForecastPointJson From(ForecastPoint p) =>
        new(p.Date, Math.Round(p.Forecast, 2), Math.Round(p.Lower80, 2), Math.Round(p.Upper80, 2), Math.Round(p.Lower95, 2), Math.Round(p.Upper95, 2));
}
