namespace Logistics.Forecasting;

/// <summary>A forecast run's output: every series' forecast, the depot total, and the backtest behind the choices.</summary>
public sealed record ForecastResult(
    Period Period,
    int Horizon,
    IReadOnlyList<SeriesForecast> Series,
    SeriesForecast DepotTotal,
    IReadOnlyList<MethodSummary> Methods,
    IReadOnlyList<SeriesScore> Scores,
    TimeSpan Elapsed)
{
    /// <summary>Series id of the depot total (the sum of all series) in output files.</summary>
    public const string DepotTotalId = "(depot total)";
}
