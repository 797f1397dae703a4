using Logistics.Forecasting.History;
using Logistics.Forecasting.Methods;
using Logistics.Simulators.Orders;

namespace Logistics.Forecasting.Tests.Simulation;

/// <summary>The generated history's Spring Festival peak moves between January and February with the festival's
/// date; a forecast made before the year must put it in the right month, not where it was last year.</summary>
public class SpringFestivalTests
{
    private static readonly IReadOnlyList<OrderHistorySimulator.Delivery> Deliveries =
        OrderHistorySimulator.Generate(OrdersSimulator.Generate(60, 3), 3, 7.5, new DateOnly(2026, 3, 31));

    private static double MonthTotal(int year, int month) =>
        Deliveries.Where(d => d.Date.Year == year && d.Date.Month == month).Sum(d => (double)d.Cartons);

    /// <summary>2026: the festival on 17 February, stocking up in early February, a year after a January peak
    /// (2025: 29 January). No earlier year of the history peaks in February, so this is not learnt by heart.</summary>
    [Fact]
    public void The_boosted_model_forecasts_the_peak_in_the_festivals_month()
    {
        const int year = 2026, peakMonth = 2;
        Assert.Equal(peakMonth, MonthTotal(year, 1) > MonthTotal(year, 2) ? 1 : 2);
        var lastYearPeak = MonthTotal(year - 1, 1) > MonthTotal(year - 1, 2) ? 1 : 2;
        Assert.NotEqual(peakMonth, lastYearPeak);

        var cut = new DateOnly(year - 1, 12, 31);
        var history = new OrderHistory(Deliveries.Where(d => d.Date <= cut).Select(d => new HistoryPoint(d.StoreId, d.Date, d.Cartons)));
        var series = SeriesBuilder.Build(history, Period.Month, MissingValues.Zero);
        var forecasts = new Boosted(42).Forecast(series, 2, CancellationToken.None);
        var january = forecasts.Sum(f => f?[0] ?? 0);
        var february = forecasts.Sum(f => f?[1] ?? 0);

        Assert.True(peakMonth == (january > february ? 1 : 2), $"forecast January {january:0}, February {february:0}; actual {MonthTotal(year, 1):0}, {MonthTotal(year, 2):0}; a year before {MonthTotal(year - 1, 1):0}, {MonthTotal(year - 1, 2):0}");
    }

    [Fact]
    public void History_carries_about_the_demo_days_volume()
    {
        var network = OrdersSimulator.Generate(200, 1);
        var end = new DateOnly(2026, 11, 30);
        var deliveries = OrderHistorySimulator.Generate(network, 1, 1, end);
        // November has no festival and a factor of 1: its days should carry about the demo day's cartons
        // (stores that opened during the year and the year's growth keep it a little below).
        var november = deliveries.Where(d => d.Date.Month == 11).Sum(d => (double)d.Cartons) / 30;
        var demoDay = network.Orders.Sum(o => o.Cartons);
        Assert.InRange(november / demoDay, 0.8, 1.15);
    }
}
