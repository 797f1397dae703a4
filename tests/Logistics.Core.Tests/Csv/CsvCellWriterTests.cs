using Logistics.Core.Csv;

namespace Logistics.Core.Tests.Csv;

public class CsvCellWriterTests
{
    private static string Row(Action<CsvCellWriter> cells)
    {
        var text = new StringWriter();
        var csv = new CsvCellWriter(text);
        cells(csv);
        csv.EndRow();
        return text.ToString();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.invalid/\",\"open me\")", "\"'=HYPERLINK(\"\"http://evil.invalid/\"\",\"\"open me\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("-3.5", "'-3.5")]
    [InlineData("Store B", "Store B")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("", "")]
    public void Text_cells_that_start_like_a_formula_get_an_apostrophe(string value, string written) =>
        Assert.Equal(written + "\r\n", Row(c => c.Text(value)));

    [Fact]
    public void Numbers_stay_numbers_even_when_negative()
    {
        Assert.Equal("-3.5,-12,0,,1234.5678\r\n",
            Row(c => c.Number(-3.5).Number(-12L).Number(0.0).Number((double?)null).Number(1234.5678, "0.0000")));
    }

    [Fact]
    public void Cells_are_separated_by_commas_and_rows_end_with_crlf()
    {
        var text = new StringWriter();
        var csv = new CsvCellWriter(text);
        csv.Texts(["a", "b"]).EndRow();
        csv.Text("x").Number(1L).EndRow();
        Assert.Equal("a,b\r\nx,1\r\n", text.ToString());
    }
}
