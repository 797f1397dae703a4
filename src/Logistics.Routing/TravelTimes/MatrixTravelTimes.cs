using System.Globalization;
using System.Text.Json;
using Logistics.Routing.Model;
using Logistics.Core.Csv;

namespace Logistics.Routing.TravelTimes;

/// <summary>Distances and times supplied by the user (from a routing engine or measured), keyed by
/// location id. CSV: columns from,to,distance_m,duration_s. JSON: an array of objects with the same
/// four keys. Pairs are directed; every pair the day needs must be present.</summary>
public sealed class MatrixTravelTimes : ITravelTimes
{
    public const string From = "from", To = "to", Distance = "distance_m", Duration = "duration_s";

    private readonly string _file;
    private readonly IReadOnlyDictionary<(string From, string To), (long Metres, long Seconds)> _pairs;

    public MatrixTravelTimes(string file, IReadOnlyDictionary<(string From, string To), (long Metres, long Seconds)> pairs)
    {
        _file = file;
        _pairs = pairs;
    }

    public int Count => _pairs.Count;

    public static MatrixTravelTimes Read(string path)
    {
        using var reader = new StreamReader(path);
        var file = Path.GetFileName(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(reader, file) : ReadCsv(reader, file);
    }

    public static MatrixTravelTimes ReadCsv(TextReader reader, string file)
    {
        var (t, rows) = CsvTable.Read(reader, file, [From, To, Distance, Duration]);
        var pairs = new Dictionary<(string, string), (long, long)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, fields) in rows)
        {
            t.Start(row, fields);
            var from = t.Text(From);
            var to = t.Text(To);
            var metres = t.Number(Distance);
            var seconds = t.Number(Duration);
            if (metres < 0) t.Error(Distance, t.Raw(Distance), "distance must not be negative");
            if (seconds < 0) t.Error(Duration, t.Raw(Duration), "duration must not be negative");
            if (from is null || to is null || metres is not >= 0 || seconds is not >= 0) continue;
            if (!t.CheckUnique(seen, From, $"{from}->{to}")) continue;
            pairs[(from, to)] = ((long)Math.Round(metres.Value), (long)Math.Round(seconds.Value));
        }
        if (t.HasErrors) throw new InputValidationException(t.Errors);
        return new MatrixTravelTimes(file, pairs);
    }

    /// <summary>Rows are numbered by array element (the first being 1), since JSON has no lines of its own.</summary>
    public static MatrixTravelTimes ReadJson(TextReader reader, string file)
    {
        var errors = new List<InputError>();
        var pairs = new Dictionary<(string, string), (long, long)>();
        JsonDocument document;
        try { document = JsonDocument.Parse(reader.ReadToEnd()); }
        catch (JsonException e)
        {
            throw new InputValidationException([new InputError(file, (int)(e.LineNumber ?? 0) + 1, "json", "", $"not valid JSON: {e.Message}")]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new InputValidationException([new InputError(file, 1, "json", document.RootElement.ValueKind.ToString(),
                    "expected an array of {from, to, distance_m, duration_s} objects")]);
            var row = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                row++;
                var from = Text(element, From, row);
                var to = Text(element, To, row);
                var metres = Number(element, Distance, row);
                var seconds = Number(element, Duration, row);
                if (from is null || to is null || metres is null || seconds is null) continue;
                if (!pairs.TryAdd((from, to), ((long)Math.Round(metres.Value), (long)Math.Round(seconds.Value))))
                    errors.Add(new InputError(file, row, From, $"{from}->{to}", "duplicate pair"));
            }
        }
        if (errors.Count > 0) throw new InputValidationException(errors);
        return new MatrixTravelTimes(file, pairs);

        string? Text(JsonElement e, string key, int row)
        {
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String
                && v.GetString() is { Length: > 0 } s)
                return s;
            errors.Add(new InputError(file, row, key, Raw(e, key), "a non-empty string is required"));
            return null;
        }

        double? Number(JsonElement e, string key, int row)
        {
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number
                && v.GetDouble() is var d && d >= 0)
                return d;
            errors.Add(new InputError(file, row, key, Raw(e, key), "a number ≥ 0 is required"));
            return null;
        }
    }

    private static string Raw(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) ? v.GetRawText() : "";

    public TravelMatrices Compute(IReadOnlyList<TravelLocation> locations)
    {
        var n = locations.Count;
        var metres = new long[n * n];
        var seconds = new long[n * n];
        var errors = new List<InputError>();
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                if (i == j) continue;
                if (_pairs.TryGetValue((locations[i].Id, locations[j].Id), out var pair))
                    (metres[i * n + j], seconds[i * n + j]) = pair;
                else
                    errors.Add(new InputError(_file, 0, $"{From},{To}", string.Create(CultureInfo.InvariantCulture, $"{locations[i].Id},{locations[j].Id}"),
                        "missing pair: the matrix has no row for this trip"));
            }
        if (errors.Count > 0) throw new InputValidationException(errors);
        return new TravelMatrices(new Matrix(n, metres), new Matrix(n, seconds));
    }
}
