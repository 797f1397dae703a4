namespace Logistics.Data.Forecasts;

/// <summary>How far a forecast job is.</summary>
/// <param name="Stage">What is running, e.g. "backtest ets".</param>
/// <param name="Fraction">Done over Total, 0…1.</param>
public sealed record ForecastJobProgress(string Stage, int Done, int Total, double Fraction, double ElapsedSeconds);
