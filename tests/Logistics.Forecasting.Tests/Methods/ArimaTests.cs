using Logistics.Forecasting.Methods;

namespace Logistics.Forecasting.Tests.Methods;

public class ArimaTests
{
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double[] RandomWalk(int n, int seed)
    {
        var random = new Random(seed);
        var y = new double[n];
        y[0] = 100;
        for (var t = 1; t < n; t++) y[t] = y[t - 1] + Gaussian(random);
        return y;
    }

    [Fact]
    public void Differencing_and_its_inverse_agree()
    {
        var poly = ArimaFit.DifferencingPolynomial(1, 1, 4);
        // (1 − B)(1 − B⁴) = 1 − B − B⁴ + B⁵
        Assert.Equal([1, -1, 0, 0, -1, 1], poly);
        double[] y = [3, 5, 4, 8, 6, 9, 7, 12, 10];
        var w = ArimaFit.Difference(y, poly);
        Assert.Equal(4, w.Length);
        Assert.Equal((9 - 5) - (6 - 3), w[0]); // (y5 − y1) − (y4 − y0)
    }

    [Fact]
    public void A_random_walk_with_drift_is_differenced_once_and_forecast_along_its_drift()
    {
        var random = new Random(3);
        var y = new double[120];
        for (var t = 1; t < y.Length; t++) y[t] = y[t - 1] + 2 + 0.5 * Gaussian(random);
        Assert.Equal(1, Arima.Differences(y));
        var fit = Arima.Fit(y, 1)!;
        Assert.Equal(1, fit.Order.D);
        Assert.True(fit.Order.Constant);
        var f = fit.Forecast(10);
        // The drift is the mean step, about 2 a period.
        Assert.InRange((f[9] - f[0]) / 9, 1.8, 2.2);
        Assert.InRange(f[0] - y[^1], 0.5, 3.5);
    }

    [Fact]
    public void Kpss_rejects_a_random_walk_and_accepts_white_noise()
    {
        Assert.True(Arima.Kpss(RandomWalk(200, 1)) > 0.463);
        var random = new Random(2);
        var noise = Enumerable.Range(0, 200).Select(_ => 50 + Gaussian(random)).ToArray();
        Assert.True(Arima.Kpss(noise) < 0.463);
        Assert.Equal(0, Arima.Differences(noise));
    }

    [Fact]
    public void An_autoregressive_process_is_estimated_near_its_coefficient()
    {
        var random = new Random(7);
        var y = new double[400];
        for (var t = 1; t < y.Length; t++) y[t] = 0.7 * y[t - 1] + Gaussian(random);
        var order = new ArimaOrder(1, 0, 0, 0, 0, 0, true);
        var fit = ArimaFit.Estimate(y.Select(v => v + 20).ToArray(), order, 1)!;
        // Forecasts approach the mean geometrically: f_h − μ = φ^h (x − μ), so successive steps shrink by φ.
        var f = fit.Forecast(3);
        Assert.InRange((f[2] - f[1]) / (f[1] - f[0]), 0.6, 0.8);
        // The better-fitting model has the lower AICc.
        Assert.True(fit.Aicc < ArimaFit.Estimate(y.Select(v => v + 20).ToArray(), order with { P = 0 }, 1)!.Aicc);
    }

    [Fact]
    public void Roots_near_or_inside_the_unit_circle_are_refused()
    {
        Assert.True(ArimaFit.RootsOutside([0.5], 1));      // MA 1 + 0.5 z: root −2
        Assert.False(ArimaFit.RootsOutside([1.0], 1));     // MA 1 + z: root −1
        Assert.True(ArimaFit.RootsOutside([0.9], -1));     // AR 1 − 0.9 z: root 1.11
        Assert.False(ArimaFit.RootsOutside([0.995], -1));  // AR 1 − 0.995 z: root 1.005, within 1.01
        Assert.False(ArimaFit.RootsOutside([0, 1.2], -1)); // AR 1 − 1.2 z²: roots ±0.91
        Assert.True(ArimaFit.RootsOutside([], 1));
    }

    [Fact]
    public void A_growing_multiplicative_season_is_differenced_seasonally_and_keeps_its_shape()
    {
        // Twenty years of quarters whose seasonal swing grows with the level, as UK gas consumption's does: a fixed
        // classical season leaves most of it in the remainder; the changing season explains it.
        double[] pattern = [1.5, 0.9, 0.5, 1.1];
        var random = new Random(4);
        var y = Enumerable.Range(0, 80).Select(t => (100 + 5.0 * t) * pattern[t % 4] * (1 + 0.03 * Gaussian(random))).ToArray();
        Assert.True(Seasonality.Strength(y, 4) > Arima.SeasonalDifferencingStrength);
        var fit = Arima.Fit(y, 4)!;
        Assert.Equal(1, fit.Order.SeasonalD);
        var f = fit.Forecast(4);
        // Quarters 80..83 are quarters 0..3 of the pattern: the first is the peak, the third the trough.
        Assert.Equal(0, Array.IndexOf(f, f.Max()));
        Assert.Equal(2, Array.IndexOf(f, f.Min()));
    }
}
