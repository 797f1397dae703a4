using Logistics.Forecasting.History;
using Logistics.Forecasting.Output;

namespace Logistics.Forecasting.Tests;

public class ForecasterTests
{
    /// <summary>Monthly series with a fixed yearly pattern, so that the seasonal naive forecast is exact.</summary>
    private static OrderHistory Seasonal(string id, int months, double level)
    {
        double[] pattern = [1.3, 0.7, 1.0, 1.0, 1.3, 1.0, 1.0, 1.0, 1.0, 1.3, 1.0, 0.7];
        return new OrderHistory(Enumerable.Range(0, months).Select(i =>
            new HistoryPoint(id, new DateOnly(2018, 1, 1).AddMonths(i), level * pattern[i % 12])));
    }

    [Fact]
    public void A_repeating_season_is_forecast_exactly_with_the_dates_after_the_history()
    {
        var result = Forecaster.Run(Seasonal("S1", 60, 100), new ForecastOptions { Horizon = 3, Methods = [ForecastMethod.SeasonalNaive] });
        Assert.Equal(Period.Month, result.Period);
        var s = Assert.Single(result.Series);
        Assert.Equal("seasonal-naive", s.Method);
        Assert.Equal([new DateOnly(2023, 1, 1), new DateOnly(2023, 2, 1), new DateOnly(2023, 3, 1)], s.Points.Select(p => p.Date));
        Assert.Equal([130, 70, 100], s.Points.Select(p => Math.Round(p.Forecast, 6)));
    }

    [Fact]
    public void Depot_total_is_the_sum_of_the_series()
    {
        var history = new OrderHistory(Seasonal("A", 48, 100).Points.Concat(Seasonal("B", 48, 50).Points));
        var result = Forecaster.Run(history, new ForecastOptions { Horizon = 2 });
        for (var h = 0; h < 2; h++)
            Assert.Equal(result.Series.Sum(s => s.Points[h].Forecast), result.DepotTotal.Points[h].Forecast, 6);
        Assert.Equal(ForecastResult.DepotTotalId, result.DepotTotal.Series);
    }

    [Fact]
    public void A_short_series_falls_back_and_says_why()
    {
        var history = new OrderHistory(Seasonal("old", 48, 100).Points.Concat(
            [new HistoryPoint("new", new DateOnly(2021, 10, 1), 8), new HistoryPoint("new", new DateOnly(2021, 12, 1), 12)]));
        var result = Forecaster.Run(history, new ForecastOptions { Horizon = 2 });
        var fresh = result.Series.Single(s => s.Series == "new");
        Assert.Equal(ForecastMethods.FallbackName, fresh.Method);
        Assert.Contains("only 3 periods of history", fresh.Note);
        Assert.Equal(20.0 / 3, fresh.Points[0].Forecast, 6);
        Assert.Null(result.Series.Single(s => s.Series == "old").Note);
    }

    [Fact]
    public void The_csv_has_one_row_per_series_and_period_and_neutralises_formulas()
    {
        var result = Forecaster.Run(Seasonal("=cmd()", 36, 10), new ForecastOptions { Horizon = 2, Methods = [ForecastMethod.SeasonalNaive] });
        var writer = new StringWriter();
        ForecastCsv.Write(result, writer);
        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("series,date,forecast,lower80,upper80,lower95,upper95,method", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("'=cmd(),2021-01-01,13,", lines[1]);
        Assert.EndsWith(",seasonal-naive", lines[1]);
        Assert.StartsWith("(depot total),2021-01-01,13,", lines[3]);
    }
}
