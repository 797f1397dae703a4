using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Tests.History;

public class SeriesBuilderTests
{
    private static HistoryPoint P(string s, string date, double q) =>
        new(s, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), q);

    [Fact]
    public void Rows_are_summed_into_periods_and_gaps_are_zero_by_default()
    {
        var history = new OrderHistory([P("A", "2024-01-01", 3), P("A", "2024-01-03", 4), P("A", "2024-01-22", 5), P("B", "2024-01-29", 1)]);
        var series = SeriesBuilder.Build(history, Period.Week, MissingValues.Zero);
        Assert.Equal([7, 0, 0, 5, 0], series[0].Values);
        Assert.Equal(new DateOnly(2024, 1, 29), series[1].Start);
        Assert.Equal([1], series[1].Values);
    }

    [Fact]
    public void Interpolation_fills_inner_gaps_linearly()
    {
        var history = new OrderHistory([P("A", "2024-01-01", 10), P("A", "2024-04-01", 40), P("B", "2024-06-01", 1)]);
        var series = SeriesBuilder.Build(history, Period.Month, MissingValues.Interpolate);
        Assert.Equal([10, 20, 30, 40, 0, 0], series[0].Values);
    }
}
