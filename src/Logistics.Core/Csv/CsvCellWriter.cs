using System.Globalization;

namespace Logistics.Core.Csv;

/// <summary>The one writer of CSV files meant for people (drivers' manifests, QA's reports, benchmark tables):
/// RFC 4180 quoting, CRLF line ends, invariant numbers, and text that a spreadsheet would run as a formula
/// neutralised. A cell's kind is decided by the column, not by its content: <see cref="Text"/> cells that start
/// with '=', '+', '-', '@', a tab or a carriage return get a leading apostrophe (so a store named
/// <c>=HYPERLINK(…)</c> or <c>-2+3</c> stays text), while <see cref="Number(double?, string)"/> cells are never
/// touched, so -3.5 in a numeric column is still a number. Not thread-safe.</summary>
public sealed class CsvCellWriter(TextWriter writer)
{
    private const string FormulaStarts = "=+-@\t\r";
    private bool _rowStarted;

    /// <summary>A text cell; null writes an empty cell.</summary>
    public CsvCellWriter Text(string? value)
    {
        Cell(Quote(Neutralise(value ?? "")));
        return this;
    }

    /// <summary>A numeric cell in invariant culture; null writes an empty cell.</summary>
    public CsvCellWriter Number(double? value, string format = "0.##")
    {
        Cell(value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "");
        return this;
    }

    /// <summary>A whole-number cell; null writes an empty cell.</summary>
    public CsvCellWriter Number(long? value)
    {
        Cell(value?.ToString(CultureInfo.InvariantCulture) ?? "");
        return this;
    }

    /// <summary>One text cell per value, e.g. a header row's names.</summary>
    public CsvCellWriter Texts(IEnumerable<string> values)
    {
        foreach (var value in values) Text(value);
        return this;
    }

    /// <summary>Ends the current row (CRLF, as RFC 4180 says).</summary>
    public void EndRow()
    {
        writer.Write("\r\n");
        _rowStarted = false;
    }

    /// <summary>The text as a spreadsheet shows it without running it: a leading apostrophe when it starts like a formula.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private void Cell(string written)
    {
        if (_rowStarted) writer.Write(',');
        writer.Write(written);
        _rowStarted = true;
    }
}
