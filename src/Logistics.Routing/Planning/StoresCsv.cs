using Logistics.Core;
using Logistics.Core.Csv;

namespace Logistics.Routing.Planning;

/// <summary>Reads stores.csv (columns in docs/planning-input.md).</summary>
public static class StoresCsv
{
    public const string Id = "store_id", Name = "name", Lat = "lat", Lon = "lon", Tier = "tier", Windows = "windows",
        ServiceFixed = "service_fixed_min", ServicePerCarton = "service_per_carton_s";

    /// <summary>Used when the columns are absent: a few minutes to park and sign, a few seconds per carton.</summary>
    public static readonly TimeSpan DefaultServiceFixed = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultServicePerCarton = TimeSpan.FromSeconds(6);

    public static IReadOnlyList<Store> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static IReadOnlyList<Store> Read(TextReader reader, string file)
    {
        var (t, rows) = CsvTable.Read(reader, file, [Id, Name, Lat, Lon, Tier, Windows]);
        var stores = new List<Store>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, fields) in rows)
        {
            t.Start(row, fields);
            var id = t.Text(Id);
            var unique = id is null || t.CheckUnique(seen, Id, id);
            var name = t.Raw(Name);
            var location = ReadLocation(t);
            var tier = t.Tier(Tier);
            var windows = ReadWindows(t);
            var fixedMin = t.HasColumn(ServiceFixed) ? t.Number(ServiceFixed, required: false) : null;
            var perCartonS = t.HasColumn(ServicePerCarton) ? t.Number(ServicePerCarton, required: false) : null;
            if (fixedMin < 0) t.Error(ServiceFixed, t.Raw(ServiceFixed), "service time must not be negative");
            if (perCartonS < 0) t.Error(ServicePerCarton, t.Raw(ServicePerCarton), "service time must not be negative");
            if (id is null || !unique || location is null || tier is null || windows is null || fixedMin < 0 || perCartonS < 0)
                continue;
            var store = t.Build(Id, id, () => new Store(id, name.Length > 0 ? name : id, location, tier.Value, windows,
                fixedMin is { } f ? TimeSpan.FromMinutes(f) : DefaultServiceFixed,
                perCartonS is { } p ? TimeSpan.FromSeconds(p) : DefaultServicePerCarton));
            if (store is not null) stores.Add(store);
        }
        if (t.HasErrors) throw new InputValidationException(t.Errors);
        return stores;
    }

    private static Coordinates? ReadLocation(CsvTable t)
    {
        if (t.Raw(Lat).Length == 0 || t.Raw(Lon).Length == 0)
        {
            var missing = t.Raw(Lat).Length == 0 ? Lat : Lon;
            t.Error(missing, "", "a store needs coordinates (lat and lon in WGS-84 degrees)");
            return null;
        }
        var lat = t.Number(Lat);
        var lon = t.Number(Lon);
        if (lat is null || lon is null) return null;
        if (lat == 0 && lon == 0)
        {
            t.Error(Lat, $"{t.Raw(Lat)},{t.Raw(Lon)}", "0,0 is not a store's location: coordinates are missing");
            return null;
        }
        return t.Build(Math.Abs(lat.Value) > 90 ? Lat : Lon, Math.Abs(lat.Value) > 90 ? t.Raw(Lat) : t.Raw(Lon),
            () => new Coordinates(lat.Value, lon.Value));
    }

    /// <summary>Windows are written "08:00-11:00", several separated by ';' ("08:00-10:00;14:00-17:00").</summary>
    private static IReadOnlyList<TimeWindow>? ReadWindows(CsvTable t)
    {
        var raw = t.Text(Windows);
        if (raw is null) return null;
        var windows = new List<TimeWindow>();
        foreach (var part in raw.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !CsvTable.TryParseTime(ends[0], out var start) || !CsvTable.TryParseTime(ends[1], out var end))
            {
                t.Error(Windows, raw, $"'{part}' is not a window: write HH:mm-HH:mm, several separated by ';'");
                return null;
            }
            if (end <= start)
            {
                t.Error(Windows, raw, $"window '{part}' ends before it starts");
                return null;
            }
            windows.Add(new TimeWindow(start, end));
        }
        if (windows.Count == 0) t.Error(Windows, raw, "a store needs at least one receiving window");
        return windows.Count > 0 ? windows : null;
    }
}
