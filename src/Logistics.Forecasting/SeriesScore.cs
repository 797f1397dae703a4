namespace Logistics.Forecasting;

/// <summary>One method's backtest score on one series.</summary>
public sealed record SeriesScore(string Series, string Method, double Mase, double Smape, bool Chosen);
