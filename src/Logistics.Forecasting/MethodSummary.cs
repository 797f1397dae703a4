namespace Logistics.Forecasting;

/// <summary>How one method did in the rolling-origin backtest, over the series it could forecast.</summary>
/// <param name="Method">A <see cref="ForecastMethods.Name"/>.</param>
/// <param name="Series">Series it was scored on.</param>
/// <param name="MeanMase">Mean absolute scaled error (1 = as good as the in-sample seasonal naive).</param>
/// <param name="MeanSmape">Mean symmetric absolute percentage error, 0 … 200 (%).</param>
/// <param name="Coverage80">Share of held-out values inside the 80% interval (intervals estimated without the origin scored).</param>
/// <param name="Coverage95">Same for the 95% interval.</param>
/// <param name="Chosen">Series for which this method won the backtest.</param>
/// <param name="Time">Time spent fitting and forecasting in the backtest.</param>
public sealed record MethodSummary(
    string Method, int Series, double MeanMase, double MeanSmape, double Coverage80, double Coverage95, int Chosen, TimeSpan Time);
