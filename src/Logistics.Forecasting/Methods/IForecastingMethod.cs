using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Methods;

/// <summary>One forecasting method. Methods receive all series at once so that a global model can learn
/// across them; a local method forecasts each on its own.</summary>
internal interface IForecastingMethod
{
    ForecastMethod Kind { get; }

    /// <summary>The shortest history (in periods) the method can forecast with the given season length.</summary>
    int MinimumLength(int seasonLength);

    /// <summary>Point forecasts for the <paramref name="horizon"/> periods after each series' end, in input
    /// order; a series the method cannot forecast gets null. Calls may run at the same time (the backtest's origins
    /// do): a method keeps no state between them.</summary>
    double[]?[] Forecast(IReadOnlyList<RegularSeries> series, int horizon, CancellationToken cancellationToken);
}
