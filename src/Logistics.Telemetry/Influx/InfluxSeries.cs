using System.Text.Json;

namespace Logistics.Telemetry.Influx;

/// <summary>One series of a query's answer: measurement name, the GROUP BY tags, columns and rows.</summary>
public sealed record InfluxSeries(int StatementId, string Name, IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Columns, IReadOnlyList<InfluxRow> Rows)
{
    /// <summary>Reads /query's JSON answer; an error in the answer or in any statement becomes an
    /// <see cref="InfluxDbRequestRejectedException"/> with InfluxDB's reason.</summary>
    internal static IReadOnlyList<InfluxSeries> Parse(JsonElement root, Func<string, InfluxDbRequestRejectedException> refused)
    {
        if (root.TryGetProperty("error", out var topError))
            throw refused(topError.GetString() ?? "");
        var all = new List<InfluxSeries>();
        if (!root.TryGetProperty("results", out var results)) return all;
        foreach (var result in results.EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
                throw refused(error.GetString() ?? "");
            var statementId = result.TryGetProperty("statement_id", out var id) ? id.GetInt32() : 0;
            if (!result.TryGetProperty("series", out var series)) continue;
            foreach (var s in series.EnumerateArray())
                all.Add(ParseSeries(statementId, s));
        }
        return all;
    }

    private static InfluxSeries ParseSeries(int statementId, JsonElement s)
    {
        var name = s.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        var tags = new Dictionary<string, string>();
        if (s.TryGetProperty("tags", out var t))
            foreach (var tag in t.EnumerateObject())
                tags[tag.Name] = tag.Value.GetString() ?? "";
        var columns = s.TryGetProperty("columns", out var c) ? c.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
        var index = new Dictionary<string, int>();
        for (var i = 0; i < columns.Count; i++) index.TryAdd(columns[i], i);
        var rows = new List<InfluxRow>();
        if (s.TryGetProperty("values", out var values))
            foreach (var row in values.EnumerateArray())
                rows.Add(new InfluxRow(index, row.EnumerateArray().Select(Value).ToList()));
        return new InfluxSeries(statementId, name, tags, columns, rows);
    }

    private static object? Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => v.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0 && v.TryGetInt64(out var l) ? l : (object)v.GetDouble(),
        _ => v.GetRawText(),
    };
}
