using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Logistics.Core.Csv;

/// <summary>Reads a headed CSV file row by row, parsing fields by column name and collecting every
/// refusal as an <see cref="InputError"/> instead of stopping at the first one.</summary>
public sealed class CsvTable
{
    private readonly string _file;
    private readonly Dictionary<string, int> _columns;
    private readonly List<InputError> _errors;
    private string[] _record = [];

    private CsvTable(string file, string[] header, List<InputError> errors)
    {
        _file = file;
        _errors = errors;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++) _columns.TryAdd(header[i].Trim(), i);
    }

    public int Row { get; private set; } = 1;
    public IReadOnlyList<InputError> Errors => _errors;
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Reads the whole file; a missing required column is one error per column, after
    /// which the rows are not read (every row would repeat the same complaint).</summary>
    public static (CsvTable Table, IReadOnlyList<(int Row, string[] Fields)> Rows) Read(
        TextReader reader, string file, IReadOnlyList<string> requiredColumns)
    {
        var errors = new List<InputError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read())
        {
            errors.Add(new InputError(file, 1, "header", "", "the file is empty: a header row is needed"));
            return (new CsvTable(file, [], errors), []);
        }
        var header = csv.Parser.Record ?? [];
        var table = new CsvTable(file, header, errors);
        foreach (var column in requiredColumns.Where(c => !table._columns.ContainsKey(c)))
            errors.Add(new InputError(file, 1, column, "", $"missing column '{column}' (header has: {string.Join(", ", header)})"));
        if (errors.Count > 0) return (table, []);

        var rows = new List<(int, string[])>();
        while (csv.Read())
        {
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add((csv.Parser.Row, record));
        }
        return (table, rows);
    }

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    public void Start(int row, string[] fields)
    {
        Row = row;
        _record = fields;
    }

    public void Error(string field, string value, string problem) => _errors.Add(new InputError(_file, Row, field, value, problem));

    public string Raw(string column) =>
        _columns.TryGetValue(column, out var i) && i < _record.Length ? _record[i].Trim() : "";

    public string? Text(string column, bool required = true)
    {
        var raw = Raw(column);
        if (raw.Length > 0) return raw;
        if (required) Error(column, raw, "a value is required");
        return null;
    }

    public double? Number(string column, bool required = true)
    {
        var raw = Raw(column);
        if (raw.Length == 0)
        {
            if (required) Error(column, raw, "a number is required");
            return null;
        }
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        Error(column, raw, "not a number (use a dot as decimal separator)");
        return null;
    }

    public decimal? Money(string column, bool required = true)
    {
        var raw = Raw(column);
        if (raw.Length == 0)
        {
            if (required) Error(column, raw, "an amount is required");
            return null;
        }
        if (decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        Error(column, raw, "not an amount (use a dot as decimal separator)");
        return null;
    }

    public int? Integer(string column, bool required = true)
    {
        var raw = Raw(column);
        if (raw.Length == 0)
        {
            if (required) Error(column, raw, "a whole number is required");
            return null;
        }
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Error(column, raw, "not a whole number");
        return null;
    }

    public bool? Flag(string column)
    {
        var raw = Raw(column);
        switch (raw.ToLowerInvariant())
        {
            case "": case "0": case "false": case "no": case "n": return false;
            case "1": case "true": case "yes": case "y": return true;
            default:
                Error(column, raw, "not a yes/no value (use true/false, yes/no or 1/0)");
                return null;
        }
    }

    public TimeOnly? Time(string column, bool required = true)
    {
        var raw = Raw(column);
        if (raw.Length == 0)
        {
            if (required) Error(column, raw, "a clock time (HH:mm) is required");
            return null;
        }
        if (TryParseTime(raw, out var time)) return time;
        Error(column, raw, "not a clock time (use HH:mm, 00:00 to 23:59)");
        return null;
    }

    /// <summary>Builds a domain value, turning the domain's own refusal into an error on
    /// <paramref name="field"/> (so the rule lives once, in Logistics.Core).</summary>
    public T? Build<T>(string field, string value, Func<T> create) where T : class
    {
        try { return create(); }
        catch (ArgumentException e)
        {
            Error(field, value, StripParameter(e.Message));
            return null;
        }
    }

    public static bool TryParseTime(string raw, out TimeOnly time) =>
        TimeOnly.TryParseExact(raw, ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>ArgumentException appends " (Parameter 'x')" and, for out-of-range, the actual value:
    /// the error already names the field and value, so keep only the first line without the suffix.</summary>
    public static string StripParameter(string message)
    {
        var firstLine = message.Split('\n')[0].TrimEnd('\r');
        var at = firstLine.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return at >= 0 ? firstLine[..at] : firstLine;
    }

    /// <summary>Refuses a second row with the same id, naming the row of the first.</summary>
    public bool CheckUnique(Dictionary<string, int> seen, string field, string id)
    {
        if (seen.TryGetValue(id, out var first))
        {
            Error(field, id, $"duplicate id: already used on row {first}");
            return false;
        }
        seen[id] = Row;
        return true;
    }

    /// <summary>Tier as written (1 … 5).</summary>
    public Tier? Tier(string column)
    {
        var level = Integer(column);
        if (level is null) return null;
        if (level < Core.Tier.Top || level > Core.Tier.Ordinary)
        {
            Error(column, Raw(column), $"tier must be between {Core.Tier.Top} (top) and {Core.Tier.Ordinary} (ordinary)");
            return null;
        }
        return new Tier(level.Value);
    }
}
