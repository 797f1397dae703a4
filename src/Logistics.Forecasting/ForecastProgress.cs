namespace Logistics.Forecasting;

/// <summary>How far a forecast run is: <paramref name="Done"/> of <paramref name="Total"/> steps of <paramref name="Stage"/>.</summary>
/// <param name="Stage">What is running, e.g. "backtest ets".</param>
public sealed record ForecastProgress(string Stage, int Done, int Total, TimeSpan Elapsed);
