using System.Text.Json.Serialization;

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

    /// <summary>What the run did to the history that a planner should know (an incomplete last period left out).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Series too short for a backtest (their note says what they got instead).</summary>
    [JsonIgnore]
    public int Fallbacks => Series.Count(s => s.Note is not null && s.Method != ForecastMethods.InactiveName);

    /// <summary>Series that stopped ordering, forecast zero (<see cref="ForecastMethods.InactiveName"/>).</summary>
    [JsonIgnore]
    public int Inactive => Series.Count(s => s.Method == ForecastMethods.InactiveName);
}
