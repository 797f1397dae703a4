using System.Numerics;

namespace Logistics.Forecasting.Methods;

/// <summary>Orders of a seasonal ARIMA(p,d,q)(P,D,Q)m model; <see cref="Constant"/> is a mean when the model does
/// not difference and a drift when it differences once.</summary>
internal readonly record struct ArimaOrder(int P, int D, int Q, int SeasonalP, int SeasonalD, int SeasonalQ, bool Constant)
{
    public override string ToString() =>
        $"ARIMA({P},{D},{Q})" + (SeasonalP + SeasonalD + SeasonalQ > 0 ? $"({SeasonalP},{SeasonalD},{SeasonalQ})" : "") +
        (Constant ? D + SeasonalD == 0 ? " with mean" : " with drift" : "");

    /// <summary>Coefficients estimated, the innovations' variance included (as AICc counts them).</summary>
    public int ParameterCount => P + Q + SeasonalP + SeasonalQ + (Constant ? 1 : 0) + 1;
}

/// <summary>One <see cref="ArimaOrder"/> fitted to one series by conditional sum of squares (Box &amp; Jenkins): the
/// series is differenced, the ARMA part's one-step errors are computed with the errors before the first usable period
/// taken as zero, and their sum of squares is minimised with <see cref="NelderMead"/>. Autoregressive coefficients are
/// estimated through partial autocorrelations (tanh, then Durbin–Levinson), so every fit is stationary; a fit whose
/// autoregressive or moving-average polynomial has a root within 1.01 of the unit circle is refused, as R's
/// forecast::auto.arima refuses it (near-cancelling or non-invertible models forecast erratically).</summary>
internal sealed class ArimaFit
{
    private const double MinimumRootModulus = 1.01;
    private const int MaxEvaluations = 4000;

    private readonly double[] _y;
    private readonly double[] _w;
    private readonly double[] _ar;
    private readonly double[] _ma;
    private readonly double _mean;
    private readonly double[] _differencing;

    private ArimaFit(ArimaOrder order, double[] y, double[] w, double[] ar, double[] ma, double mean, double[] differencing, double aicc)
    {
        Order = order;
        _y = y;
        _w = w;
        _ar = ar;
        _ma = ma;
        _mean = mean;
        _differencing = differencing;
        Aicc = aicc;
    }

    public ArimaOrder Order { get; }

    /// <summary>AICc of the conditional likelihood; comparable between models with the same differencing only.</summary>
    public double Aicc { get; }

    /// <summary>The fit, or null when the differenced series is too short for its parameters or the fit has a root
    /// near the unit circle.</summary>
    public static ArimaFit? Estimate(double[] y, ArimaOrder order, int m)
    {
        var differencing = DifferencingPolynomial(order.D, order.SeasonalD, m);
        var w = Difference(y, differencing);
        var conditioning = order.P + m * order.SeasonalP;
        var used = w.Length - conditioning;
        var k = order.ParameterCount;
        if (used < 2 || w.Length - k - 1 <= 0) return null;

        var count = k - 1; // the coefficients optimised: every parameter but the innovations' variance
        var start = new double[count];
        var step = new double[count];
        for (var i = 0; i < count; i++) step[i] = 0.1;
        var wMean = w.Average();
        if (order.Constant)
        {
            start[count - 1] = wMean;
            var sd = Math.Sqrt(w.Sum(v => (v - wMean) * (v - wMean)) / w.Length);
            step[count - 1] = Math.Max(1e-6, 0.1 * sd);
        }
        var errors = new double[w.Length];
        var centred = new double[w.Length];
        double Objective(double[] x)
        {
            var (ar, ma, mean) = Coefficients(x, order, m);
            var ss = SumOfSquares(w, ar, ma, mean, errors, conditioning, centred);
            return double.IsFinite(ss) ? ss : double.MaxValue;
        }
        var (best, value) = count == 0 ? (start, Objective(start)) : NelderMead.Minimize(Objective, start, step, MaxEvaluations, 1e-10);
        if (!(value < double.MaxValue) || value <= 0) return null;
        var (arBest, maBest, meanBest) = Coefficients(best, order, m);
        if (!RootsOutside(arBest, -1) || !RootsOutside(maBest, 1)) return null;
        var sigma2 = value / used;
        var aic = w.Length * Math.Log(sigma2) + 2 * k;
        var aicc = aic + 2.0 * k * (k + 1) / (w.Length - k - 1);
        return double.IsFinite(aicc) ? new ArimaFit(order, y, w, arBest, maBest, meanBest, differencing, aicc) : null;
    }

    /// <summary>Point forecasts: the ARMA recursion on the differenced series with future errors zero, integrated back.</summary>
    public double[] Forecast(int horizon)
    {
        var n = _w.Length;
        var errors = new double[n];
        SumOfSquares(_w, _ar, _ma, _mean, errors, _ar.Length, new double[n]);
        var w = new double[n + horizon];
        Array.Copy(_w, w, n);
        for (var t = n; t < n + horizon; t++)
        {
            var v = _mean;
            for (var i = 0; i < _ar.Length && t - i - 1 >= 0; i++) v += _ar[i] * (w[t - i - 1] - _mean);
            for (var j = 0; j < _ma.Length; j++)
                if (t - j - 1 < n && t - j - 1 >= 0) v += _ma[j] * errors[t - j - 1];
            w[t] = v;
        }
        // y_t = w_t − Σ_{j≥1} δ_j y_{t−j}, δ the differencing polynomial (δ_0 = 1).
        var offset = _y.Length - n;
        var y = new double[_y.Length + horizon];
        Array.Copy(_y, y, _y.Length);
        for (var t = _y.Length; t < y.Length; t++)
        {
            var v = w[t - offset];
            for (var j = 1; j < _differencing.Length; j++) v -= _differencing[j] * y[t - j];
            y[t] = v;
        }
        return y[_y.Length..];
    }

    /// <summary>Coefficients of (1 − B)^d (1 − B^m)^D, lowest power first.</summary>
    public static double[] DifferencingPolynomial(int d, int seasonalD, int m)
    {
        double[] poly = [1];
        for (var i = 0; i < d; i++) poly = Multiply(poly, [1, -1]);
        for (var i = 0; i < seasonalD; i++)
        {
            var s = new double[m + 1];
            s[0] = 1;
            s[m] = -1;
            poly = Multiply(poly, s);
        }
        return poly;
    }

    /// <summary>The series filtered by the differencing polynomial; it is shorter by the polynomial's degree.</summary>
    public static double[] Difference(double[] y, double[] polynomial)
    {
        var degree = polynomial.Length - 1;
        var w = new double[Math.Max(0, y.Length - degree)];
        for (var t = 0; t < w.Length; t++)
        {
            var v = 0.0;
            for (var j = 0; j <= degree; j++) v += polynomial[j] * y[t + degree - j];
            w[t] = v;
        }
        return w;
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var c = new double[a.Length + b.Length - 1];
        for (var i = 0; i < a.Length; i++)
            for (var j = 0; j < b.Length; j++) c[i + j] += a[i] * b[j];
        return c;
    }

    /// <summary>Sum of squared one-step errors of w − mean under the ARMA model w_t = Σ ar_i w_{t−i} + e_t + Σ ma_j e_{t−j},
    /// from period <paramref name="conditioning"/> on (at least the autoregressive order); earlier errors are zero.
    /// <paramref name="centred"/> is scratch of w's length. The fitting's inner loop, so arranged for speed without
    /// changing a bit of the result: the autoregressive part of every period first, vectorised across periods (each
    /// period's terms still subtracted in lag order), then the moving-average recursion over its non-zero lags only
    /// (a seasonal model's expanded polynomial is mostly zeros, and subtracting 0 · e leaves e as it was).</summary>
    private static double SumOfSquares(double[] w, double[] ar, double[] ma, double mean, double[] errors, int conditioning, double[] centred)
    {
        var n = w.Length;
        for (var t = 0; t < n; t++) centred[t] = w[t] - mean;
        Array.Clear(errors, 0, Math.Min(conditioning, n));
        for (var t = conditioning; t < n; t++) errors[t] = centred[t];
        var width = Vector<double>.Count;
        for (var i = 0; i < ar.Length; i++)
        {
            var a = ar[i];
            if (a == 0) continue;
            var t = conditioning;
            if (Vector.IsHardwareAccelerated)
            {
                var va = new Vector<double>(a);
                for (; t + width <= n; t += width)
                {
                    var e = new Vector<double>(errors, t) - va * new Vector<double>(centred, t - i - 1);
                    e.CopyTo(errors, t);
                }
            }
            for (; t < n; t++) errors[t] -= a * centred[t - i - 1];
        }
        Span<int> lags = stackalloc int[ma.Length];
        var count = 0;
        for (var j = 0; j < ma.Length; j++)
            if (ma[j] != 0) lags[count++] = j;
        lags = lags[..count];
        var ss = 0.0;
        for (var t = conditioning; t < n; t++)
        {
            var e = errors[t];
            foreach (var j in lags)
            {
                if (t - j - 1 < 0) break;
                e -= ma[j] * errors[t - j - 1];
            }
            errors[t] = e;
            ss += e * e;
        }
        return ss;
    }

    /// <summary>The full autoregressive and moving-average coefficients (seasonal polynomials multiplied in) and the mean.</summary>
    private static (double[] Ar, double[] Ma, double Mean) Coefficients(double[] x, ArimaOrder o, int m)
    {
        var index = 0;
        var ar = Stationary(x.AsSpan(index, o.P));
        index += o.P;
        var ma = x.AsSpan(index, o.Q).ToArray();
        index += o.Q;
        var sar = Stationary(x.AsSpan(index, o.SeasonalP));
        index += o.SeasonalP;
        var sma = x.AsSpan(index, o.SeasonalQ).ToArray();
        index += o.SeasonalQ;
        var mean = o.Constant ? x[index] : 0;
        // (1 − Σ ar_i B^i)(1 − Σ sar_k B^{mk}) = 1 − Σ c_j B^j; (1 + Σ ma_i B^i)(1 + Σ sma_k B^{mk}) = 1 + Σ c_j B^j.
        var fullAr = new double[o.P + m * o.SeasonalP];
        for (var i = 0; i < o.P; i++) fullAr[i] += ar[i];
        for (var k = 0; k < o.SeasonalP; k++)
        {
            fullAr[m * (k + 1) - 1] += sar[k];
            for (var i = 0; i < o.P; i++) fullAr[m * (k + 1) + i] -= ar[i] * sar[k];
        }
        var fullMa = new double[o.Q + m * o.SeasonalQ];
        for (var i = 0; i < o.Q; i++) fullMa[i] += ma[i];
        for (var k = 0; k < o.SeasonalQ; k++)
        {
            fullMa[m * (k + 1) - 1] += sma[k];
            for (var i = 0; i < o.Q; i++) fullMa[m * (k + 1) + i] += ma[i] * sma[k];
        }
        return (fullAr, fullMa, mean);
    }

    /// <summary>Autoregressive coefficients from unconstrained values: tanh gives partial autocorrelations in (−1, 1),
    /// the Durbin–Levinson recursion turns them into the coefficients of a stationary process.</summary>
    private static double[] Stationary(ReadOnlySpan<double> raw)
    {
        var p = raw.Length;
        var phi = new double[p];
        var work = new double[p];
        for (var j = 0; j < p; j++) phi[j] = Math.Tanh(raw[j]);
        for (var j = 1; j < p; j++)
        {
            var a = phi[j];
            for (var k = 0; k < j; k++) work[k] = phi[k] - a * phi[j - k - 1];
            for (var k = 0; k < j; k++) phi[k] = work[k];
        }
        return phi;
    }

    /// <summary>Whether every root of 1 + sign·Σ c_j z^j lies outside the circle of radius <see cref="MinimumRootModulus"/>:
    /// the Schur–Cohn step-down recursion on the polynomial with z scaled by that radius.</summary>
    internal static bool RootsOutside(double[] c, int sign)
    {
        var last = c.Length;
        while (last > 0 && Math.Abs(c[last - 1]) < 1e-8) last--;
        if (last == 0) return true;
        // As 1 − Σ a_j z^j with z → 1.01 z.
        var a = new double[last];
        for (var j = 0; j < last; j++) a[j] = -sign * c[j] * Math.Pow(MinimumRootModulus, j + 1);
        for (var k = last; k >= 1; k--)
        {
            var r = a[k - 1];
            if (!(Math.Abs(r) < 1)) return false;
            var next = new double[k - 1];
            for (var j = 0; j < k - 1; j++) next[j] = (a[j] + r * a[k - 2 - j]) / (1 - r * r);
            a = next;
        }
        return true;
    }
}
