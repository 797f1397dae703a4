using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Logistics.Routing.Instances;

/// <summary>A best-known-solution table (<c>bks*.csv</c>, columns <c>instance,vehicles,distance,source</c>),
/// looked up by instance name, case-insensitively.</summary>
public sealed class BksTable
{
    private static readonly string[] Columns = ["instance", "vehicles", "distance", "source"];
    private readonly Dictionary<string, BksEntry> _entries;

    private BksTable(string file, IReadOnlyList<BksEntry> entries)
    {
        File = file;
        Entries = entries;
        _entries = entries.ToDictionary(e => e.Instance, StringComparer.OrdinalIgnoreCase);
    }

    public string File { get; }

    /// <summary>Every row in file order, SUSPECT ones included.</summary>
    public IReadOnlyList<BksEntry> Entries { get; }

    /// <summary>The row for an instance, or null when there is none or it is flagged SUSPECT.</summary>
    public BksEntry? Find(string instance) =>
        _entries.TryGetValue(instance, out var entry) && !entry.IsSuspect ? entry : null;

    public static BksTable Read(string path)
    {
        using var reader = OpenText(path);
        return Parse(reader, path);
    }

    /// <summary>Parses CSV text; <paramref name="file"/> names it in error messages.</summary>
    public static BksTable Parse(TextReader reader, string file)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            throw new InstanceFormatException(file, 1, "header", null, "the table is empty");
        foreach (var column in Columns)
            if (!csv.HeaderRecord.Contains(column, StringComparer.OrdinalIgnoreCase))
                throw new InstanceFormatException(file, 1, column, string.Join(',', csv.HeaderRecord), "missing column");
        var index = Columns.ToDictionary(c => c,
            c => Array.FindIndex(csv.HeaderRecord, h => h.Equals(c, StringComparison.OrdinalIgnoreCase)));

        var entries = new List<BksEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(string column) => csv.GetField(index[column]) ?? "";
            var instance = Field("instance");
            if (instance.Length == 0) throw new InstanceFormatException(file, line, "instance", "", "must not be empty");
            if (!seen.Add(instance)) throw new InstanceFormatException(file, line, "instance", instance, "duplicate row");
            var vehicles = InstanceText.ParseInt(file, line, "vehicles", Field("vehicles"));
            var distance = InstanceText.ParseDouble(file, line, "distance", Field("distance"));
            if (vehicles <= 0) throw new InstanceFormatException(file, line, "vehicles", Field("vehicles"), "must be positive");
            if (distance <= 0) throw new InstanceFormatException(file, line, "distance", Field("distance"), "must be positive");
            entries.Add(new BksEntry(instance, vehicles, distance, Field("source")));
        }
        return new BksTable(file, entries);
    }

    private static StreamReader OpenText(string path)
    {
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InstanceFormatException(path, 0, "file", null, $"cannot be read: {e.Message}");
        }
    }
}
