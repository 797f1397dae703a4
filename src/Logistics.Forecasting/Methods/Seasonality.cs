namespace Logistics.Forecasting.Methods;

/// <summary>How much of a series the season explains, for choices made before any model is fitted.</summary>
internal static class Seasonality
{
    /// <summary>Cycles on either side whose same period enters a period's seasonal estimate.</summary>
    private const int SeasonalWindow = 5;

    /// <summary>Strength of the season (Wang, Smith &amp; Hyndman 2006): 1 − Var(remainder) / Var(season + remainder),
    /// clipped at 0; 0 when the series has fewer than two seasons. The trend is a centred moving average over one
    /// season; each period's seasonal effect is a tricube-weighted mean of the detrended values of the same period
    /// up to <see cref="SeasonalWindow"/> cycles either side, so that a season that grows with the level (a
    /// multiplicative one) is followed as a decomposition with a changing season (STL) follows it; a series of
    /// of at most ten cycles has one fixed season, as in a classical decomposition. Near 1 the season explains
    /// nearly everything the trend does not.</summary>
    public static double Strength(double[] y, int m)
    {
        var n = y.Length;
        if (m < 2 || n < 2 * m) return 0;
        // The trend is defined for the m / 2 ... n − m / 2 − 1 periods a centred average reaches.
        var from = m / 2;
        var to = n - m / 2;
        var detrended = new double[n];
        for (var t = from; t < to; t++) detrended[t] = y[t] - EtsFit.CentredMovingAverage(y, t, m);
        var cycles = (to - from + m - 1) / m;
        var changing = cycles > 2 * SeasonalWindow;
        var window = changing ? SeasonalWindow : cycles;
        var remainders = new List<double>();
        var seasonPlusRemainder = new List<double>();
        for (var t = from; t < to; t++)
        {
            double sum = 0, weights = 0;
            for (var j = -window; j <= window; j++)
            {
                var u = t + j * m;
                if (u < from || u >= to) continue;
                var r = Math.Abs(j) / (window + 1.0);
                var w = changing ? Math.Pow(1 - r * r * r, 3) : 1;
                sum += w * detrended[u];
                weights += w;
            }
            remainders.Add(detrended[t] - sum / weights);
            seasonPlusRemainder.Add(detrended[t]);
        }
        var total = Variance(seasonPlusRemainder);
        return total <= 0 ? 0 : Math.Max(0, 1 - Variance(remainders) / total);

        static double Variance(List<double> v)
        {
            var average = v.Average();
            return v.Sum(x => (x - average) * (x - average)) / v.Count;
        }
    }
}
