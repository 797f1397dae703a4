using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Methods;

/// <summary>Each future period repeats the same period of the last season.</summary>
internal sealed class SeasonalNaive : IForecastingMethod
{
    public ForecastMethod Kind => ForecastMethod.SeasonalNaive;

    public int MinimumLength(int seasonLength) => seasonLength;

    public double[]?[] Forecast(IReadOnlyList<RegularSeries> series, int horizon, CancellationToken cancellationToken) =>
        series.Select(s => Forecast(s.Values, s.Period.SeasonLength(), horizon)).ToArray();

    public static double[]? Forecast(double[] y, int m, int horizon)
    {
        if (y.Length < m) return null;
        var f = new double[horizon];
        for (var h = 0; h < horizon; h++) f[h] = y[y.Length - m + h % m];
        return f;
    }
}
