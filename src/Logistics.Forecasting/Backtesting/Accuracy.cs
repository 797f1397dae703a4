namespace Logistics.Forecasting.Backtesting;

/// <summary>The accuracy measures: MASE (Hyndman &amp; Koehler 2006) and sMAPE.</summary>
internal static class Accuracy
{
    /// <summary>The MASE denominator: the in-sample mean absolute error of the seasonal naive forecast (lag 1 when
    /// the series is shorter than a season or flat at that lag), never zero.</summary>
    public static double Scale(ReadOnlySpan<double> y, int m)
    {
        var scale = m < y.Length ? MeanAbsoluteDifference(y, m) : 0;
        if (scale <= 0 && y.Length > 1) scale = MeanAbsoluteDifference(y, 1);
        if (scale <= 0)
        {
            var sum = 0.0;
            foreach (var v in y) sum += Math.Abs(v);
            scale = y.Length > 0 ? sum / y.Length : 0;
        }
        return scale > 0 ? scale : 1;
    }

    private static double MeanAbsoluteDifference(ReadOnlySpan<double> y, int lag)
    {
        var sum = 0.0;
        for (var t = lag; t < y.Length; t++) sum += Math.Abs(y[t] - y[t - lag]);
        return sum / (y.Length - lag);
    }

    /// <summary>Symmetric absolute percentage error of one value, 0 … 200; 0 when both are zero.</summary>
    public static double Smape(double actual, double forecast)
    {
        var denominator = Math.Abs(actual) + Math.Abs(forecast);
        return denominator == 0 ? 0 : 200 * Math.Abs(actual - forecast) / denominator;
    }
}
