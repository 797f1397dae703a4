using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Calendar;

/// <summary>The Spring Festival's effect as a moving-holiday regression (as X-13ARIMA-SEATS treats Chinese New
/// Year): log(y_t / y_{t−m}) = β·(x_t − x_{t−m}) + noise, x being the shares of a period's days in the three weeks
/// before the festival and in its week, fitted by least squares across all series. Differencing a season back
/// leaves the fixed monthly pattern out, so β comes from the festival moving between years; and being linear it
/// carries to a year whose festival falls later than any seen (which trees cannot). A coefficient whose t
/// statistic is below <see cref="MinimumT"/> is dropped: a history without the festival's effect is left alone.</summary>
internal sealed class FestivalAdjustment
{
    public const double MinimumT = 3;
    private readonly double[] _beta;
    private readonly Period _period;

    private FestivalAdjustment(Period period, double[] beta)
    {
        _period = period;
        _beta = beta;
    }

    public bool IsNone => _beta.All(b => b == 0);

    /// <summary>The multiplicative effect on the period starting on <paramref name="start"/>.</summary>
    public double Factor(DateOnly start)
    {
        if (IsNone) return 1;
        var x = Regressors(_period, start);
        return Math.Exp(_beta[0] * x[0] + _beta[1] * x[1]);
    }

    public static FestivalAdjustment Fit(IReadOnlyList<RegularSeries> series)
    {
        var period = series.Count > 0 ? series[0].Period : Period.Month;
        var m = period.SeasonLength();
        // Day data's season is the week; the festival's year-to-year move needs a year back.
        var back = period == Period.Day ? 364 : period == Period.Week ? 52 : m;
        double a00 = 0, a01 = 0, a11 = 0, b0 = 0, b1 = 0, yy = 0;
        var n = 0;
        var cache = new Dictionary<DateOnly, double[]>();
        double[] X(DateOnly d) => cache.TryGetValue(d, out var x) ? x : cache[d] = Regressors(period, d);
        foreach (var s in series)
            for (var t = back; t < s.Length; t++)
            {
                if (s.Values[t] <= 0 || s.Values[t - back] <= 0) continue;
                var now = X(s.DateAt(t));
                var then = X(s.DateAt(t - back));
                var d0 = now[0] - then[0];
                var d1 = now[1] - then[1];
                var y = Math.Log(s.Values[t] / s.Values[t - back]);
                a00 += d0 * d0; a01 += d0 * d1; a11 += d1 * d1; b0 += d0 * y; b1 += d1 * y; yy += y * y;
                n++;
            }
        var det = a00 * a11 - a01 * a01;
        if (n < 20 || det <= 1e-9) return new FestivalAdjustment(period, [0, 0]);
        var beta0 = (a11 * b0 - a01 * b1) / det;
        var beta1 = (a00 * b1 - a01 * b0) / det;
        var sse = yy - beta0 * b0 - beta1 * b1;
        var sigma2 = Math.Max(sse, 0) / Math.Max(n - 2, 1);
        var t0 = beta0 / Math.Sqrt(sigma2 * a11 / det);
        var t1 = beta1 / Math.Sqrt(sigma2 * a00 / det);
        return new FestivalAdjustment(period, [Math.Abs(t0) >= MinimumT ? beta0 : 0, Math.Abs(t1) >= MinimumT ? beta1 : 0]);
    }

    /// <summary>Shares of the period's days in the three weeks before the festival and in its first week.</summary>
    private static double[] Regressors(Period period, DateOnly start)
    {
        var end = period.Add(start, 1);
        double days = end.DayNumber - start.DayNumber;
        return [CalendarFeatures.DaysAround(start, end, -21, 0) / days, CalendarFeatures.DaysAround(start, end, 0, 7) / days];
    }
}
