using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Methods;

/// <summary>What a series too short to backtest gets: the mean of its last few periods, with intervals from the
/// spread of those periods. The forecast's note says so.</summary>
internal static class Fallback
{
    public const int Periods = 4;
    private const double Z80 = 1.2815515655446004;
    private const double Z95 = 1.959963984540054;

    public static SeriesForecast Forecast(RegularSeries s, int horizon, int minimumLength)
    {
        var recent = s.Values[Math.Max(0, s.Length - Periods)..];
        var mean = recent.Average();
        var spread = s.Length > 1
            ? Math.Sqrt(s.Values.Sum(v => (v - s.Values.Average()) * (v - s.Values.Average())) / (s.Length - 1))
            : Math.Abs(mean) / 2;
        var points = Enumerable.Range(0, horizon).Select(h => new ForecastPoint(s.DateAt(s.Length + h), mean,
            Math.Max(0, mean - Z80 * spread), mean + Z80 * spread, Math.Max(0, mean - Z95 * spread), mean + Z95 * spread)).ToArray();
        var note = $"only {s.Length} period{(s.Length == 1 ? "" : "s")} of history (a backtest needs {minimumLength}): " +
                   $"mean of the last {recent.Length}";
        return new SeriesForecast(s.Id, ForecastMethods.FallbackName, note, Forecaster.HistoryOf(s), points);
    }
}
