using System.Globalization;
using Logistics.Forecasting.History;
using System.Data.Common;

namespace Logistics.Data.Forecasts;

/// <summary>The order history forecasts are made from: one quantity per series and date. Points of one series
/// and date are summed before they are saved. Each write is one transaction, so an import that fails
/// half-way leaves the history as it was. Thread-safe: every call opens its own connection.</summary>
public sealed class HistoryStore(LogisticsDatabase database)
{
    /// <summary>Replaces the whole history.</summary>
    /// <returns>How many rows (series and date) were saved.</returns>
    public Task<int> ReplaceAllAsync(IReadOnlyList<HistoryPoint> points, CancellationToken cancellationToken = default) =>
        WriteAsync(points, "DELETE FROM order_history", cancellationToken);

    /// <summary>The series named in <paramref name="points"/> lose every saved row first; other series keep theirs.</summary>
    public Task<int> ReplaceSeriesAsync(IReadOnlyList<HistoryPoint> points, CancellationToken cancellationToken = default) =>
        WriteAsync(points, "DELETE FROM order_history WHERE series = @series", cancellationToken, perSeries: true);

    /// <summary>Adds the points to the saved history; a date a series already has takes the new quantity.</summary>
    public Task<int> AppendAsync(IReadOnlyList<HistoryPoint> points, CancellationToken cancellationToken = default) =>
        WriteAsync(points, null, cancellationToken);

    /// <summary>Every row, by series then date.</summary>
    public Task<IReadOnlyList<HistoryPoint>> GetAllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("SELECT series, date, quantity FROM order_history ORDER BY series, date", cancellationToken);

    /// <summary>One series' rows by date; empty when it has none.</summary>
    public Task<IReadOnlyList<HistoryPoint>> GetSeriesAsync(string series, CancellationToken cancellationToken = default) =>
        ReadAsync("SELECT series, date, quantity FROM order_history WHERE series = @series ORDER BY date", cancellationToken, ("@series", series));

    /// <summary>The series' ids, in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> SeriesIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT DISTINCT series FROM order_history ORDER BY series");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Dates with at least one row in [<paramref name="from"/>, <paramref name="to"/>]: the days orders were delivered on.</summary>
    public async Task<int> DatesBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Convert.ToInt32(await connection.ScalarAsync("SELECT COUNT(DISTINCT date) FROM order_history WHERE date >= @from AND date <= @to", null,
            cancellationToken, ("@from", Day(from)), ("@to", Day(to))), CultureInfo.InvariantCulture);
    }

    public async Task<HistorySummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT COUNT(DISTINCT series), COUNT(*), MIN(date), MAX(date), COALESCE(SUM(quantity), 0) FROM order_history");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new HistorySummary(reader.GetInt32(0), reader.GetInt32(1),
            reader.IsDBNull(2) ? null : Day(reader.GetString(2)), reader.IsDBNull(3) ? null : Day(reader.GetString(3)), reader.GetDouble(4));
    }

    private async Task<int> WriteAsync(IReadOnlyList<HistoryPoint> points, string? clear, CancellationToken cancellationToken, bool perSeries = false)
    {
        var rows = points.GroupBy(p => (p.Series, p.Date)).Select(g => (g.Key.Series, g.Key.Date, Quantity: g.Sum(p => p.Quantity))).ToList();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.Dialect.BeginWriteAsync(connection, "order-history", cancellationToken);
        if (clear is not null)
        {
            if (!perSeries) await connection.ExecuteAsync(clear, transaction, cancellationToken);
            else
                foreach (var series in rows.Select(r => r.Series).Distinct(StringComparer.Ordinal))
                    await connection.ExecuteAsync(clear, transaction, cancellationToken, ("@series", series));
        }
        await connection.InsertManyAsync(transaction, "order_history (series, date, quantity)", 3,
            rows.Select(r => new object?[] { r.Series, Day(r.Date), r.Quantity }), cancellationToken,
            "ON CONFLICT (series, date) DO UPDATE SET quantity = excluded.quantity");
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private async Task<IReadOnlyList<HistoryPoint>> ReadAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var points = new List<HistoryPoint>();
        while (await reader.ReadAsync(cancellationToken))
            points.Add(new HistoryPoint(reader.GetString(0), Day(reader.GetString(1)), reader.GetDouble(2)));
        return points;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
