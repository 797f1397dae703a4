using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Methods;

/// <summary>Automatic seasonal ARIMA (Hyndman &amp; Khandakar 2008): seasonal differencing when the season is strong
/// (<see cref="Seasonality.Strength"/> above 0.64), then first differences while the KPSS test rejects stationarity
/// at 5% (at most two), then a stepwise search over the ARMA orders (p, q ≤ 5, P, Q ≤ 2) from four starting models,
/// each step trying the neighbours of the best model so far, by AICc; a constant (mean or drift) when the model
/// differences at most once. Fitted by conditional sum of squares (<see cref="ArimaFit"/>). Seasons longer than
/// <see cref="Ets.MaxSeason"/> periods get non-seasonal models, as ETS does.</summary>
internal sealed class Arima : IForecastingMethod
{
    private const int MaxP = 5;
    private const int MaxQ = 5;
    private const int MaxSeasonalP = 2;
    private const int MaxSeasonalQ = 2;
    private const int MaxModels = 94;

    /// <summary>KPSS level-stationarity statistic's 5% critical value (Kwiatkowski, Phillips, Schmidt &amp; Shin 1992).</summary>
    private const double KpssCritical5 = 0.463;

    /// <summary>Seasonal strength above which the series is differenced seasonally (the threshold of R's nsdiffs).</summary>
    public const double SeasonalDifferencingStrength = 0.64;

    public ForecastMethod Kind => ForecastMethod.Arima;

    public int MinimumLength(int seasonLength) => 4;

    public double[]?[] Forecast(IReadOnlyList<RegularSeries> series, int horizon, CancellationToken cancellationToken) =>
        series.Select(s =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Fit(s.Values, s.Period.SeasonLength())?.Forecast(horizon);
        }).ToArray();

    /// <summary>The model the stepwise search ends on, or null when the series is too short for any.</summary>
    public static ArimaFit? Fit(double[] y, int m)
    {
        var n = y.Length;
        if (n < 4) return null;
        // As for ETS, no seasonal model for seasons longer than 24 periods (52 weeks): lags of a year of weeks
        // multiply the fitting time by fifty; the boosted model carries such seasons.
        if (m <= 1 || m > Ets.MaxSeason) m = 1;
        var seasonalDifference = m > 1 && n > 2 * m && Seasonality.Strength(y, m) > SeasonalDifferencingStrength ? 1 : 0;
        var x = seasonalDifference == 1 ? ArimaFit.Difference(y, ArimaFit.DifferencingPolynomial(0, 1, m)) : y;
        var d = Differences(x);

        var maxP = Math.Min(MaxP, n / 3);
        var maxQ = Math.Min(MaxQ, n / 3);
        var maxSP = m > 1 ? Math.Min(MaxSeasonalP, n / 3 / m) : 0;
        var maxSQ = m > 1 ? Math.Min(MaxSeasonalQ, n / 3 / m) : 0;
        if (maxSP > 0) maxP = Math.Min(maxP, m - 1);
        if (maxSQ > 0) maxQ = Math.Min(maxQ, m - 1);
        var constantAllowed = d + seasonalDifference <= 1;

        var tried = new Dictionary<ArimaOrder, ArimaFit?>();
        ArimaFit? best = null;
        bool Try(int p, int q, int sp, int sq, bool constant)
        {
            if (p < 0 || q < 0 || sp < 0 || sq < 0 || p > maxP || q > maxQ || sp > maxSP || sq > maxSQ) return false;
            if (constant && !constantAllowed) return false;
            var order = new ArimaOrder(p, d, q, sp, seasonalDifference, sq, constant);
            if (tried.ContainsKey(order) || tried.Count >= MaxModels) return false;
            var fit = ArimaFit.Estimate(y, order, m);
            tried[order] = fit;
            if (fit is null || (best is not null && fit.Aicc >= best.Aicc)) return false;
            best = fit;
            return true;
        }

        var seasonal = m > 1;
        Try(Math.Min(2, maxP), Math.Min(2, maxQ), seasonal ? Math.Min(1, maxSP) : 0, seasonal ? Math.Min(1, maxSQ) : 0, constantAllowed);
        Try(0, 0, 0, 0, constantAllowed);
        Try(maxP > 0 ? 1 : 0, 0, seasonal && maxSP > 0 ? 1 : 0, 0, constantAllowed);
        Try(0, maxQ > 0 ? 1 : 0, 0, seasonal && maxSQ > 0 ? 1 : 0, constantAllowed);
        if (constantAllowed) Try(0, 0, 0, 0, false);
        if (best is null) return null;

        // Neighbours of the best model, in the order of Hyndman & Khandakar's step: seasonal orders, then
        // non-seasonal ones, then the constant; the search moves to the first that improves and starts over.
        var improved = true;
        while (improved && tried.Count < MaxModels)
        {
            var o = best.Order;
            var (p, q, sp, sq, c) = (o.P, o.Q, o.SeasonalP, o.SeasonalQ, o.Constant);
            improved =
                Try(p, q, sp - 1, sq, c) || Try(p, q, sp, sq - 1, c) || Try(p, q, sp + 1, sq, c) || Try(p, q, sp, sq + 1, c) ||
                Try(p, q, sp - 1, sq - 1, c) || Try(p, q, sp - 1, sq + 1, c) || Try(p, q, sp + 1, sq - 1, c) || Try(p, q, sp + 1, sq + 1, c) ||
                Try(p - 1, q, sp, sq, c) || Try(p, q - 1, sp, sq, c) || Try(p + 1, q, sp, sq, c) || Try(p, q + 1, sp, sq, c) ||
                Try(p - 1, q - 1, sp, sq, c) || Try(p - 1, q + 1, sp, sq, c) || Try(p + 1, q - 1, sp, sq, c) || Try(p + 1, q + 1, sp, sq, c) ||
                Try(p, q, sp, sq, !c);
        }
        return best;
    }

    /// <summary>First differences needed: while the KPSS test rejects level stationarity at 5%, difference (at most twice).</summary>
    internal static int Differences(double[] x)
    {
        var d = 0;
        while (d < 2 && !Constant(x) && Kpss(x) > KpssCritical5)
        {
            x = ArimaFit.Difference(x, [1, -1]);
            d++;
        }
        return d;
    }

    /// <summary>KPSS statistic for level stationarity with a Bartlett-weighted long-run variance of
    /// ⌊3√n / 13⌋ lags (the lag rule R's forecast::ndiffs uses).</summary>
    internal static double Kpss(double[] x)
    {
        var n = x.Length;
        if (n < 3) return 0;
        var mean = x.Average();
        var e = x.Select(v => v - mean).ToArray();
        double partial = 0, sumS2 = 0;
        foreach (var v in e)
        {
            partial += v;
            sumS2 += partial * partial;
        }
        var lags = (int)(3 * Math.Sqrt(n) / 13);
        var variance = e.Sum(v => v * v) / n;
        for (var s = 1; s <= lags; s++)
        {
            var gamma = 0.0;
            for (var t = s; t < n; t++) gamma += e[t] * e[t - s];
            variance += 2 * (1 - s / (lags + 1.0)) * gamma / n;
        }
        return variance <= 0 ? 0 : sumS2 / ((double)n * n * variance);
    }

    private static bool Constant(double[] x) => x.Length == 0 || x.All(v => v == x[0]);
}
