using System.Globalization;
using Logistics.Core.Csv;

namespace Logistics.Forecasting.History;

/// <summary>Reads order history from CSV: header <c>series,date,quantity</c>, or the order files' own names
/// <c>store_id,date,cartons</c>, ISO dates (yyyy-MM-dd). Every refused value is reported at once as an
/// <see cref="InputValidationException"/> naming file, row, field and value.</summary>
public static class HistoryCsv
{
    private static readonly (string Series, string Date, string Quantity)[] Headers =
    [
        ("series", "date", "quantity"),
        ("store_id", "date", "cartons"),
    ];

    public static OrderHistory Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    /// <param name="file">The file's name as errors should show it.</param>
    public static OrderHistory Read(TextReader reader, string file)
    {
        var headerLine = reader.ReadLine();
        var names = headerLine is null ? [] : headerLine.Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToArray();
        var columns = Headers.FirstOrDefault(h => names.Contains(h.Series) && names.Contains(h.Quantity));
        if (columns == default) columns = Headers[0];
        var text = (headerLine ?? "") + "\n" + reader.ReadToEnd();
        var (table, rows) = CsvTable.Read(new StringReader(text), file, [columns.Series, columns.Date, columns.Quantity]);
        if (table.HasErrors) throw new InputValidationException(table.Errors);

        var points = new List<HistoryPoint>(rows.Count);
        foreach (var (row, fields) in rows)
        {
            table.Start(row, fields);
            var series = table.Text(columns.Series);
            var date = Date(table, columns.Date);
            var quantity = table.Number(columns.Quantity);
            if (quantity < 0)
            {
                table.Error(columns.Quantity, table.Raw(columns.Quantity), "a quantity must not be negative");
                continue;
            }
            if (series is not null && date is not null && quantity is not null) points.Add(new HistoryPoint(series, date.Value, quantity.Value));
        }
        if (table.HasErrors) throw new InputValidationException(table.Errors);
        if (points.Count == 0) throw new InputValidationException([new InputError(file, 1, "header", headerLine ?? "", "the file has no history rows")]);
        return new OrderHistory(points);
    }

    private static DateOnly? Date(CsvTable table, string column)
    {
        var raw = table.Raw(column);
        if (raw.Length == 0)
        {
            table.Error(column, raw, "a date is required (yyyy-MM-dd)");
            return null;
        }
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        table.Error(column, raw, "not a date (use yyyy-MM-dd)");
        return null;
    }
}
