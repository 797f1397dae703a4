using Logistics.Forecasting.Backtesting;
using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Methods;

/// <summary>What a series too short to backtest gets: exponential smoothing chosen by AICc alone when the series is
/// long enough to fit one (a store with two or three years of monthly history and a year's horizon is such a series),
/// with the intervals of ETS's backtest on the other series, or, alone, from its own one-step errors widened with the
/// square root of the step; with fewer periods, the mean of its last few periods with intervals from their spread.
/// The forecast's note says which and why.</summary>
internal static class Fallback
{
    public const int Periods = 4;

    /// <summary>Season strength from which a short series gets seasonal models only: the threshold R's
    /// forecast::nsdiffs uses to call a series seasonal.</summary>
    public const double StrongSeason = 0.64;
    private const double Z80 = 1.2815515655446004;
    private const double Z95 = 1.959963984540054;

    /// <param name="etsErrors">ETS's interval widths from the backtest of the other series, or null when there was none.</param>
    public static SeriesForecast Forecast(RegularSeries s, int horizon, int minimumLength, ErrorQuantiles? etsErrors)
    {
        var m = s.Period.SeasonLength();
        var shortBy = $"only {s.Length} period{(s.Length == 1 ? "" : "s")} of history (a backtest needs {minimumLength})";
        var scale = Accuracy.Scale(s.Values, m);
        // With two or three seasons of history AICc charges a season's m − 1 starting states against few
        // observations and may choose a flat line for a series whose season is plain to see (two years of a
        // store's months); where the season explains most of what the trend does not, only seasonal models compete.
        var strength = Seasonality.Strength(s.Values, m);
        var seasonalOnly = strength >= StrongSeason ? Ets.Fit(s.Values, m, seasonalOnly: true) : null;
        if ((seasonalOnly ?? Ets.Fit(s.Values, m)) is { } fit)
        {
            var f = fit.Forecast(horizon);
            var quantiles = etsErrors ?? ErrorQuantiles.From(Enumerable.Range(0, horizon)
                .Select(h => fit.Residuals.Select(e => e * Math.Sqrt(h + 1) / scale).ToList()).ToArray());
            var from = etsErrors is null ? "its own one-step errors" : "ETS's backtest on the other series";
            var among = seasonalOnly is null ? "" : $" among seasonal models (season strength {strength:0.00})";
            return new SeriesForecast(s.Id, ForecastMethod.Ets.Name(), $"{shortBy}: {fit.Model} chosen by AICc{among}, intervals from {from}",
                Forecaster.HistoryOf(s), Enumerable.Range(0, horizon).Select(h => quantiles.Point(s.DateAt(s.Length + h), h, f[h], scale)).ToArray());
        }

        var recent = s.Values[Math.Max(0, s.Length - Periods)..];
        var mean = recent.Average();
        var spread = s.Length > 1
            ? Math.Sqrt(s.Values.Sum(v => (v - s.Values.Average()) * (v - s.Values.Average())) / (s.Length - 1))
            : Math.Abs(mean) / 2;
        var points = Enumerable.Range(0, horizon).Select(h => new ForecastPoint(s.DateAt(s.Length + h), mean,
            Math.Max(0, mean - Z80 * spread), mean + Z80 * spread, Math.Max(0, mean - Z95 * spread), mean + Z95 * spread)).ToArray();
        return new SeriesForecast(s.Id, ForecastMethods.FallbackName, $"{shortBy}: mean of the last {recent.Length}", Forecaster.HistoryOf(s), points);
    }
}
