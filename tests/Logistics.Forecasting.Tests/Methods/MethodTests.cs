using Logistics.Forecasting.History;
using Logistics.Forecasting.Methods;

namespace Logistics.Forecasting.Tests.Methods;

public class MethodTests
{
    private static RegularSeries Monthly(double[] values) => new("S", Period.Month, new DateOnly(2015, 1, 1), values);

    private static double[] SeasonalTrend(int n, double noise, int seed)
    {
        double[] pattern = [1.2, 0.8, 0.9, 1.0, 1.3, 1.0, 0.95, 0.95, 1.05, 1.3, 1.0, 0.75];
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(t => (100 + 2.0 * t) * pattern[t % 12] * (1 + noise * (random.NextDouble() - 0.5))).ToArray();
    }

    [Fact]
    public void Seasonal_naive_repeats_the_last_season()
    {
        var y = Enumerable.Range(1, 14).Select(v => (double)v).ToArray();
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 3], SeasonalNaive.Forecast(y, 12, 13)!);
        Assert.Null(SeasonalNaive.Forecast(y[..11], 12, 1));
    }

    [Fact]
    public void Season_strength_is_near_one_for_a_clear_season_and_near_zero_for_noise()
    {
        Assert.True(Seasonality.Strength(SeasonalTrend(36, 0.02, 1), 12) > 0.95);
        var random = new Random(5);
        var noise = Enumerable.Range(0, 36).Select(_ => 100 + 20 * random.NextDouble()).ToArray();
        Assert.True(Seasonality.Strength(noise, 12) < 0.64);
        Assert.Equal(0, Seasonality.Strength(SeasonalTrend(23, 0.02, 1), 12));
    }

    [Fact]
    public void Ets_follows_a_trend_with_a_multiplicative_season()
    {
        var y = SeasonalTrend(96, 0.02, 1);
        var fit = Ets.Fit(y, 12)!;
        Assert.NotEqual(Component.None, fit.Model.Season);
        Assert.NotEqual(Component.None, fit.Model.Trend);
        var expected = SeasonalTrend(108, 0, 1)[96..];
        var f = fit.Forecast(12);
        for (var h = 0; h < 12; h++) Assert.InRange(f[h] / expected[h], 0.93, 1.07);
    }

    [Fact]
    public void A_series_from_a_damped_trend_model_is_fitted_better_by_the_damped_model()
    {
        // Simulated from ETS(A,Ad,N) with φ = 0.85: trend bursts that die out. The damped model must find a φ well
        // inside its bounds (it starts at 0.978, as in R) and beat the undamped one clearly.
        var random = new Random(11);
        double level = 100, slope = 0;
        var y = new double[120];
        for (var t = 0; t < y.Length; t++)
        {
            var e = 4 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5);
            if (t % 30 == 0) slope = 6;
            y[t] = level + 0.85 * slope + e;
            level += 0.85 * slope + 0.5 * e;
            slope = 0.85 * slope + 0.3 * e;
        }
        var undamped = EtsFit.Estimate(y, new EtsModel(Component.Additive, Component.Additive, false, Component.None), 1, 3000, 24)!;
        var damped = EtsFit.Estimate(y, new EtsModel(Component.Additive, Component.Additive, true, Component.None), 1, 3000, 24)!;
        Assert.True(damped.Aicc < undamped.Aicc - 2, $"damped {damped.Aicc:0.0}, undamped {undamped.Aicc:0.0}");
    }

    [Fact]
    public void Ets_on_a_flat_noisy_series_forecasts_its_level_without_a_season()
    {
        var random = new Random(3);
        var y = Enumerable.Range(0, 60).Select(_ => 50 + 4 * (random.NextDouble() - 0.5)).ToArray();
        var fit = Ets.Fit(y, 12)!;
        Assert.Equal(Component.None, fit.Model.Season);
        Assert.All(fit.Forecast(6), v => Assert.InRange(v, 48, 52));
    }

    [Fact]
    public void Tsb_forecasts_the_mean_demand_of_an_intermittent_series_and_ignores_regular_ones()
    {
        // An order of 12 every third period: 4 a period on average.
        var y = Enumerable.Range(0, 60).Select(t => t % 3 == 0 ? 12.0 : 0).ToArray();
        Assert.True(Tsb.IsIntermittent(y));
        Assert.All(Tsb.Forecast(y, 4)!, v => Assert.InRange(v, 3, 5));
        Assert.Null(Tsb.Forecast(Enumerable.Repeat(5.0, 30).ToArray(), 4));
    }

    [Fact]
    public void Tsb_fades_out_a_store_that_stopped_ordering()
    {
        var y = Enumerable.Range(0, 60).Select(t => t < 40 && t % 2 == 0 ? 10.0 : 0).ToArray();
        Assert.All(Tsb.Forecast(y, 2)!, v => Assert.InRange(v, 0, 1.5));
    }

    [Fact]
    public void The_boosted_model_learns_a_shared_season_across_series_of_different_sizes()
    {
        var series = Enumerable.Range(0, 12).Select(i => Monthly(SeasonalTrend(84, 0.05, i).Select(v => v * (1 + i)).ToArray()) with { Id = $"S{i}" }).ToArray();
        var forecasts = new Boosted(42).Forecast(series, 12, CancellationToken.None);
        for (var i = 0; i < series.Length; i++)
        {
            var expected = SeasonalTrend(96, 0, i)[84..].Select(v => v * (1 + i)).ToArray();
            var error = forecasts[i]!.Zip(expected, (f, e) => Math.Abs(f - e) / e).Average();
            Assert.InRange(error, 0, 0.12);
        }
    }

    [Fact]
    public void The_boosted_model_gives_the_same_forecast_twice()
    {
        var series = Enumerable.Range(0, 4).Select(i => Monthly(SeasonalTrend(60, 0.2, i)) with { Id = $"S{i}" }).ToArray();
        Assert.Equal(new Boosted(7).Forecast(series, 3, CancellationToken.None)[2], new Boosted(7).Forecast(series, 3, CancellationToken.None)[2]);
    }

    [Fact]
    public void Nelder_mead_finds_the_minimum_of_a_valley()
    {
        var (point, value) = NelderMead.Minimize(x => Math.Pow(1 - x[0], 2) + 100 * Math.Pow(x[1] - x[0] * x[0], 2), [-1.2, 1], [0.5, 0.5], 5000, 1e-14);
        Assert.InRange(point[0], 0.99, 1.01);
        Assert.InRange(point[1], 0.98, 1.02);
        Assert.InRange(value, 0, 1e-4);
    }
}
