namespace Logistics.Forecasting.Methods;

/// <summary>One <see cref="EtsModel"/> fitted to one series: its parameters, final states and AICc.</summary>
internal sealed class EtsFit
{
    private readonly EtsModel _model;
    private readonly int _m;
    private readonly double _phi;
    private readonly double _level;
    private readonly double _slope;
    private readonly double[] _season;
    private readonly int _n;

    private EtsFit(EtsModel model, int m, double phi, double level, double slope, double[] season, int n, double aicc, double[] residuals)
    {
        Residuals = residuals;
        _model = model;
        _m = m;
        _phi = phi;
        _level = level;
        _slope = slope;
        _season = season;
        _n = n;
        Aicc = aicc;
    }

    public EtsModel Model => _model;
    public double Aicc { get; }

    /// <summary>In-sample one-step-ahead errors, actual − fitted, in the series' units.</summary>
    public double[] Residuals { get; }

    public double[] Forecast(int horizon)
    {
        var f = new double[horizon];
        var damping = 0.0;
        for (var h = 1; h <= horizon; h++)
        {
            damping += _model.Damped ? Math.Pow(_phi, h) : 1;
            var q = _level + (_model.Trend == Component.None ? 0 : damping * _slope);
            f[h - 1] = _model.Season switch
            {
                Component.Additive => q + _season[(_n + h - 1) % _m],
                Component.Multiplicative => q * _season[(_n + h - 1) % _m],
                _ => q,
            };
        }
        return f;
    }

    /// <summary>Maximum-likelihood fit, or null when the series is too short for the model's parameters or no
    /// admissible start exists (a multiplicative model on a level near zero).</summary>
    public static EtsFit? Estimate(double[] y, EtsModel model, int m, int maxEvaluations, int maxOptimisedSeason)
    {
        var n = y.Length;
        var seasonal = model.Season != Component.None;
        var trend = model.Trend != Component.None;
        var parameterCount = 2 + (trend ? 2 : 0) + (model.Damped ? 1 : 0) + (seasonal ? m : 0) + 1;
        if (n - parameterCount - 1 <= 0) return null;

        var (level0, slope0, season0) = InitialStates(y, model, m);
        if (model.Error == Component.Multiplicative && level0 <= 0) return null;
        var optimiseSeason = seasonal && m <= maxOptimisedSeason;
        var layout = new Layout(trend, model.Damped, seasonal, optimiseSeason ? m - 1 : 0);

        var alpha = Math.Max(0.2 / m, 0.02);
        var start = new List<double> { alpha };
        var step = new List<double> { 0.1 };
        if (trend) { start.Add(0.1 * alpha); step.Add(0.01); }
        if (seasonal) { start.Add(0.05 * (1 - alpha)); step.Add(0.05); }
        if (model.Damped) { start.Add(0.978); step.Add(0.01); }
        var scale = y.Select(Math.Abs).Average() + 1e-9;
        start.Add(level0); step.Add(0.1 * Math.Abs(level0) + 0.01 * scale);
        if (trend) { start.Add(slope0); step.Add(0.1 * Math.Abs(slope0) + 0.001 * scale); }
        if (optimiseSeason)
            for (var p = 0; p < m - 1; p++)
            {
                start.Add(season0[p]);
                step.Add(model.Season == Component.Multiplicative ? 0.05 : 0.05 * scale);
            }

        var seasonBuffer = new double[m];
        double Objective(double[] x) => Likelihood(y, model, m, layout, x, season0, seasonBuffer, null, out _, out _);
        var (point, _) = NelderMead.Minimize(Objective, start.ToArray(), step.ToArray(), maxEvaluations / 2);
        var (refined, value) = NelderMead.Minimize(Objective, point, step.Select(s => s / 2).ToArray(), maxEvaluations / 2);
        if (!double.IsFinite(value)) return null;

        var finalSeason = new double[m];
        var residuals = new double[n];
        Likelihood(y, model, m, layout, refined, season0, finalSeason, residuals, out var finalLevel, out var finalSlope);
        var k = parameterCount;
        var aicc = value + 2 * k + 2.0 * k * (k + 1) / (n - k - 1);
        var phi = model.Damped ? refined[layout.Phi] : 1;
        return new EtsFit(model, m, phi, finalLevel, finalSlope, finalSeason, n, aicc, residuals);
    }

    /// <summary>Where each parameter sits in the optimiser's vector.</summary>
    private sealed class Layout
    {
        public Layout(bool trend, bool damped, bool seasonal, int seasonStates)
        {
            var i = 1;
            Beta = trend ? i++ : -1;
            Gamma = seasonal ? i++ : -1;
            Phi = damped ? i++ : -1;
            Level = i++;
            Slope = trend ? i++ : -1;
            Season = seasonStates > 0 ? i : -1;
        }

        public int Beta { get; }
        public int Gamma { get; }
        public int Phi { get; }
        public int Level { get; }
        public int Slope { get; }
        public int Season { get; }
    }

    /// <summary>−2 log-likelihood up to a constant (n·log SSE, plus 2·Σ log|ŷ| for multiplicative errors), or
    /// +∞ outside the parameter region. Leaves the final states in <paramref name="season"/>, level and slope.</summary>
    private static double Likelihood(double[] y, EtsModel model, int m, Layout layout, double[] x, double[] season0,
        double[] season, double[]? residuals, out double level, out double slope)
    {
        level = 0;
        slope = 0;
        var alpha = x[0];
        if (alpha < 1e-4 || alpha > 0.9999) return double.PositiveInfinity;
        var beta = layout.Beta >= 0 ? x[layout.Beta] : 0;
        if (layout.Beta >= 0 && (beta < 1e-4 || beta > alpha)) return double.PositiveInfinity;
        var gamma = layout.Gamma >= 0 ? x[layout.Gamma] : 0;
        if (layout.Gamma >= 0 && (gamma < 1e-4 || gamma > 1 - alpha)) return double.PositiveInfinity;
        var phi = layout.Phi >= 0 ? x[layout.Phi] : 1;
        if (layout.Phi >= 0 && (phi < 0.8 || phi > 0.98)) return double.PositiveInfinity;
        var phiB = model.Trend == Component.None ? 0 : phi;

        level = x[layout.Level];
        slope = layout.Slope >= 0 ? x[layout.Slope] : 0;
        var multiplicativeSeason = model.Season == Component.Multiplicative;
        if (model.Season != Component.None)
        {
            if (layout.Season >= 0)
            {
                var sum = 0.0;
                for (var p = 0; p < m - 1; p++)
                {
                    season[p] = x[layout.Season + p];
                    sum += season[p];
                }
                season[m - 1] = multiplicativeSeason ? m - sum : -sum;
            }
            else
            {
                Array.Copy(season0, season, m);
            }
            if (multiplicativeSeason)
                for (var p = 0; p < m; p++)
                    if (season[p] <= 1e-3) return double.PositiveInfinity;
        }

        var multiplicativeError = model.Error == Component.Multiplicative;
        double sse = 0, sumLog = 0;
        for (var t = 0; t < y.Length; t++)
        {
            var p = model.Season == Component.None ? 0 : t % m;
            var q = level + phiB * slope;
            var s = model.Season switch { Component.Additive => season[p], Component.Multiplicative => season[p], _ => 0 };
            var fitted = model.Season switch { Component.Additive => q + s, Component.Multiplicative => q * s, _ => q };
            if ((multiplicativeError || multiplicativeSeason) && (q <= 0 || fitted <= 0)) return double.PositiveInfinity;
            if (residuals is not null) residuals[t] = y[t] - fitted;
            double e;
            if (!multiplicativeError)
            {
                e = y[t] - fitted;
                if (multiplicativeSeason)
                {
                    level = q + alpha * e / s;
                    slope = phiB * slope + beta * e / s;
                    season[p] = s + gamma * e / q;
                }
                else
                {
                    level = q + alpha * e;
                    slope = phiB * slope + beta * e;
                    if (model.Season == Component.Additive) season[p] = s + gamma * e;
                }
            }
            else
            {
                e = (y[t] - fitted) / fitted;
                sumLog += Math.Log(Math.Abs(fitted));
                switch (model.Season)
                {
                    case Component.Additive:
                        level = q + alpha * fitted * e;
                        slope = phiB * slope + beta * fitted * e;
                        season[p] = s + gamma * fitted * e;
                        break;
                    case Component.Multiplicative:
                        level = q * (1 + alpha * e);
                        slope = phiB * slope + beta * q * e;
                        season[p] = s * (1 + gamma * e);
                        break;
                    default:
                        level = q * (1 + alpha * e);
                        slope = phiB * slope + beta * q * e;
                        break;
                }
            }
            sse += e * e;
        }
        if (!double.IsFinite(sse)) return double.PositiveInfinity;
        return y.Length * Math.Log(Math.Max(sse, 1e-300)) + 2 * sumLog;
    }

    /// <summary>The centred moving average over one season at <paramref name="t"/> (a 2×m average for an even
    /// season): the trend of a classical decomposition. Needs m / 2 values either side of t.</summary>
    public static double CentredMovingAverage(double[] y, int t, int m)
    {
        var half = m / 2;
        double sum;
        if (m % 2 == 1)
        {
            sum = 0;
            for (var j = t - half; j <= t + half; j++) sum += y[j];
        }
        else
        {
            sum = 0.5 * (y[t - half] + y[t + half]);
            for (var j = t - half + 1; j < t + half; j++) sum += y[j];
        }
        return sum / m;
    }

    /// <summary>Starting states as Hyndman et al. (2008, §2.6.1) suggest: seasonal indices from a classical
    /// decomposition of the first three seasons (or two), level and slope from a straight line through the first
    /// seasonally adjusted values.</summary>
    private static (double Level, double Slope, double[] Season) InitialStates(double[] y, EtsModel model, int m)
    {
        var n = y.Length;
        var season = new double[m];
        var adjusted = (double[])y.Clone();
        if (model.Season != Component.None)
        {
            var multiplicative = model.Season == Component.Multiplicative;
            var length = Math.Min(n, 3 * m);
            var sums = new double[m];
            var counts = new int[m];
            var half = m / 2;
            for (var t = half; t < length - half; t++)
            {
                var ma = CentredMovingAverage(y, t, m);
                if (multiplicative && ma <= 0) continue;
                sums[t % m] += multiplicative ? y[t] / ma : y[t] - ma;
                counts[t % m]++;
            }
            for (var p = 0; p < m; p++) season[p] = counts[p] > 0 ? sums[p] / counts[p] : multiplicative ? 1 : 0;
            var mean = season.Average();
            for (var p = 0; p < m; p++)
            {
                season[p] = multiplicative ? (mean > 0 ? season[p] / mean : 1) : season[p] - mean;
                if (multiplicative && season[p] <= 1e-2) season[p] = 1e-2;
            }
            for (var t = 0; t < n; t++) adjusted[t] = multiplicative ? y[t] / season[t % m] : y[t] - season[t % m];
        }
        var count = Math.Min(Math.Max(10, 2 * m), n);
        if (model.Trend == Component.None) return (adjusted[..count].Average(), 0, season);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var t = 1; t <= count; t++)
        {
            sx += t;
            sy += adjusted[t - 1];
            sxx += t * t;
            sxy += t * adjusted[t - 1];
        }
        var slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        var intercept = (sy - slope * sx) / count;
        return (intercept, slope, season);
    }
}
