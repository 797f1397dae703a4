namespace Logistics.Forecasting.Backtesting;

/// <summary>Interval half-widths per horizon step, in units of the series' MASE scale, from backtest errors.
/// With many errors for a step (≥ <see cref="EmpiricalMinimum"/>) the empirical 80% and 95% quantiles of the
/// absolute error are used; with fewer, a normal approximation from the root mean square error of the step and
/// its neighbours (a few origins cannot give a 95% quantile), widened by Student's t for the number of errors
/// behind it. Widths never shrink with the horizon.</summary>
internal sealed class ErrorQuantiles
{
    private const int EmpiricalMinimum = 60;
    private const double Z80 = 1.2815515655446004;
    private const double Z95 = 1.959963984540054;

    private ErrorQuantiles(double[] half80, double[] half95)
    {
        Half80 = half80;
        Half95 = half95;
    }

    public double[] Half80 { get; }
    public double[] Half95 { get; }

    /// <param name="errors">Scaled errors (actual − forecast) / scale by horizon step (index 0 = one step ahead).</param>
    public static ErrorQuantiles From(IReadOnlyList<List<double>> errors)
    {
        var horizon = errors.Count;
        var half80 = new double[horizon];
        var half95 = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            if (errors[h].Count >= EmpiricalMinimum)
            {
                var abs = errors[h].Select(Math.Abs).Order().ToArray();
                half80[h] = Quantile(abs, 0.8);
                half95[h] = Quantile(abs, 0.95);
            }
            else
            {
                var window = new List<double>();
                for (var k = Math.Max(0, h - 1); k <= Math.Min(horizon - 1, h + 1); k++) window.AddRange(errors[k]);
                if (window.Count == 0) window.AddRange(errors.SelectMany(e => e));
                var rms = window.Count == 0 ? 1 : Math.Sqrt(window.Sum(e => e * e) / window.Count);
                var freedom = Math.Max(window.Count - 1, 2);
                half80[h] = StudentT(Z80, freedom) * rms;
                half95[h] = StudentT(Z95, freedom) * rms;
            }
            if (h > 0)
            {
                half80[h] = Math.Max(half80[h], half80[h - 1]);
                half95[h] = Math.Max(half95[h], half95[h - 1]);
            }
        }
        return new ErrorQuantiles(half80, half95);
    }

    /// <summary>Student's t quantile from the normal one (Cornish–Fisher expansion, Abramowitz &amp; Stegun 26.7.5),
    /// close enough from 2 degrees of freedom on for an interval's width.</summary>
    internal static double StudentT(double z, int freedom)
    {
        double v = freedom, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                 + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
    }

    private static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /// <summary>The forecast with its intervals; quantities are never negative, so neither are the bounds.</summary>
    public ForecastPoint Point(DateOnly date, int step, double forecast, double scale)
    {
        var f = Math.Max(0, forecast);
        return new ForecastPoint(date, f,
            Math.Max(0, f - Half80[step] * scale), f + Half80[step] * scale,
            Math.Max(0, f - Half95[step] * scale), f + Half95[step] * scale);
    }
}
