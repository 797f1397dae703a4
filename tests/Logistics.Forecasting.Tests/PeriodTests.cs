namespace Logistics.Forecasting.Tests;

public class PeriodTests
{
    private static Period Infer(params string[] dates) =>
        Periods.Infer(dates.Select(d => ("S", DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void Infers_day_week_month_quarter_from_the_gaps()
    {
        Assert.Equal(Period.Day, Infer("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05"));
        Assert.Equal(Period.Week, Infer("2024-01-01", "2024-01-08", "2024-01-15"));
        Assert.Equal(Period.Week, Infer("2024-01-01", "2024-01-04", "2024-01-08", "2024-01-11"));
        Assert.Equal(Period.Month, Infer("2024-01-31", "2024-02-29", "2024-03-31"));
        Assert.Equal(Period.Quarter, Infer("2024-01-01", "2024-04-01", "2024-07-01"));
    }

    [Fact]
    public void Weeks_start_on_monday_and_quarters_on_their_first_month()
    {
        Assert.Equal(new DateOnly(2024, 1, 1), Period.Week.Start(new DateOnly(2024, 1, 7)));
        Assert.Equal(new DateOnly(2024, 1, 8), Period.Week.Start(new DateOnly(2024, 1, 8)));
        Assert.Equal(new DateOnly(2024, 4, 1), Period.Quarter.Start(new DateOnly(2024, 6, 30)));
        Assert.Equal(5, Period.Month.Between(new DateOnly(2023, 11, 1), new DateOnly(2024, 4, 1)));
        Assert.Equal(new DateOnly(2025, 1, 1), Period.Quarter.Add(new DateOnly(2024, 4, 1), 3));
    }
}
