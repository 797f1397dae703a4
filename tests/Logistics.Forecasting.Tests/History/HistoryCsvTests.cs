using Logistics.Core.Csv;
using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Tests.History;

public class HistoryCsvTests
{
    private static OrderHistory Read(string text) => HistoryCsv.Read(new StringReader(text), "history.csv");

    [Fact]
    public void Reads_series_date_quantity()
    {
        var history = Read("series,date,quantity\nS1,2024-01-01,5\nS1,2024-01-08,7.5\nS2,2024-01-01,0\n");
        Assert.Equal(3, history.Points.Count);
        Assert.Equal(new HistoryPoint("S1", new DateOnly(2024, 1, 8), 7.5), history.Points[1]);
        Assert.Equal(["S1", "S2"], history.SeriesIds);
    }

    [Fact]
    public void Accepts_the_order_files_column_names()
    {
        var history = Read("store_id,date,cartons\nST001,2024-03-01,12\n");
        Assert.Equal(new HistoryPoint("ST001", new DateOnly(2024, 3, 1), 12), Assert.Single(history.Points));
    }

    [Fact]
    public void A_missing_column_names_the_file_and_the_header()
    {
        var e = Assert.Throws<InputValidationException>(() => Read("series,day,quantity\nS1,2024-01-01,5\n"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("history.csv", 1, "date"), (error.File, error.Row, error.Field));
        Assert.Contains("missing column 'date'", error.Problem);
    }

    [Fact]
    public void Every_bad_value_is_reported_with_row_field_and_value()
    {
        var e = Assert.Throws<InputValidationException>(() => Read(
            "series,date,quantity\nS1,2024-13-01,5\nS1,2024-01-02,lots\nS1,2024-01-03,-4\n,2024-01-04,1\n"));
        Assert.Equal(
            [(2, "date", "2024-13-01"), (3, "quantity", "lots"), (4, "quantity", "-4"), (5, "series", "")],
            e.Errors.Select(x => (x.Row, x.Field, x.Value)).ToArray());
        Assert.Contains("history.csv row 3, field 'quantity', value 'lots'", e.Message);
    }

    [Fact]
    public void A_file_with_only_a_header_is_refused()
    {
        var e = Assert.Throws<InputValidationException>(() => Read("series,date,quantity\n"));
        Assert.Contains("no history rows", Assert.Single(e.Errors).Problem);
    }
}
