using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Methods;

/// <summary>Teunter, Syntetos &amp; Babai (2011): the probability of ordering in a period and the size of an order
/// are smoothed apart, the probability every period (so that a store that stopped ordering fades out), the size
/// only when an order comes. The forecast is their product, flat over the horizon. The two smoothing constants
/// are chosen on a small grid by in-sample one-step squared error. Only for intermittent series: an average
/// interval between orders of at least <see cref="IntermittentInterval"/> periods (Syntetos &amp; Boylan 2005);
/// on a series ordering every period it would only be a worse exponential smoothing.</summary>
internal sealed class Tsb : IForecastingMethod
{
    public const double IntermittentInterval = 1.32;
    private static readonly double[] Grid = [0.05, 0.1, 0.2, 0.3, 0.5];

    public ForecastMethod Kind => ForecastMethod.Tsb;

    public int MinimumLength(int seasonLength) => 3;

    public double[]?[] Forecast(IReadOnlyList<RegularSeries> series, int horizon, CancellationToken cancellationToken) =>
        series.Select(s => Forecast(s.Values, horizon)).ToArray();

    /// <summary>Whether the series orders rarely enough for TSB: periods per order of at least 1.32.</summary>
    public static bool IsIntermittent(double[] y)
    {
        var first = Array.FindIndex(y, v => v > 0);
        if (first < 0) return true;
        var orders = y.Skip(first).Count(v => v > 0);
        return (double)(y.Length - first) / orders >= IntermittentInterval;
    }

    public static double[]? Forecast(double[] y, int horizon)
    {
        if (y.Length < 3 || !IsIntermittent(y)) return null;
        if (y.All(v => v <= 0)) return new double[horizon];
        var best = (Error: double.PositiveInfinity, Forecast: 0.0);
        foreach (var alpha in Grid)
            foreach (var beta in Grid)
            {
                var (error, last) = Run(y, alpha, beta);
                if (error < best.Error) best = (error, last);
            }
        return Enumerable.Repeat(best.Forecast, horizon).ToArray();
    }

    private static (double Error, double Forecast) Run(double[] y, double alpha, double beta)
    {
        var first = Array.FindIndex(y, v => v > 0);
        var size = y[first];
        var probability = 1.0 / (first + 1);
        var error = 0.0;
        for (var t = first + 1; t < y.Length; t++)
        {
            var forecast = probability * size;
            error += (y[t] - forecast) * (y[t] - forecast);
            if (y[t] > 0)
            {
                probability += beta * (1 - probability);
                size += alpha * (y[t] - size);
            }
            else
            {
                probability -= beta * probability;
            }
        }
        return (error, probability * size);
    }
}
