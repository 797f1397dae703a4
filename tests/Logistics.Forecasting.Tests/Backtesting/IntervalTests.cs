using Logistics.Forecasting.Backtesting;
using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Tests.Backtesting;

public class IntervalTests
{
    [Fact]
    public void Many_errors_give_their_empirical_quantiles_and_widths_never_shrink()
    {
        var random = new Random(5);
        var errors = new List<double>[] { [], [] };
        for (var i = 0; i < 2000; i++)
        {
            errors[0].Add(Normal(random) * 2);
            errors[1].Add(Normal(random) * 1);
        }
        var q = ErrorQuantiles.From(errors);
        Assert.InRange(q.Half80[0], 2 * 1.2, 2 * 1.36);
        Assert.InRange(q.Half95[0], 2 * 1.85, 2 * 2.08);
        Assert.Equal(q.Half80[0], q.Half80[1]);
    }

    [Fact]
    public void Few_errors_give_wider_t_intervals()
    {
        Assert.InRange(ErrorQuantiles.StudentT(1.959963984540054, 5), 2.5, 2.65);
        Assert.InRange(ErrorQuantiles.StudentT(1.959963984540054, 1000), 1.962, 1.963);
    }

    [Fact]
    public void Backtest_intervals_cover_about_their_share_of_held_out_values()
    {
        // Forty stores whose orders are a level plus independent noise: the backtest's coverage must be near 80/95%.
        var random = new Random(11);
        var points = new List<Logistics.Forecasting.History.HistoryPoint>();
        for (var s = 0; s < 40; s++)
            for (var t = 0; t < 72; t++)
                points.Add(new HistoryPoint($"S{s}", new DateOnly(2019, 1, 1).AddMonths(t), Math.Max(0, 100 + 10 * Normal(random))));
        var result = Forecaster.Run(new OrderHistory(points), new ForecastOptions { Horizon = 3, Methods = [ForecastMethod.Ets] });
        var ets = result.Methods.Single(m => m.Method == "ets");
        Assert.InRange(ets.Coverage80, 0.72, 0.88);
        Assert.InRange(ets.Coverage95, 0.89, 0.99);
        Assert.All(result.Series, s => Assert.All(s.Points, p => Assert.True(p.Lower95 <= p.Lower80 && p.Lower80 <= p.Forecast && p.Forecast <= p.Upper80 && p.Upper80 <= p.Upper95)));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
