using System.Globalization;
using CsvHelper;

namespace Logistics.Routing.Planning;

/// <summary>A driver's manifest: one CSV per route, named after its route id, one row per stop.</summary>
public static class ManifestCsv
{
    public static readonly string[] Columns =
        ["sequence", "store_id", "store_name", "tier", "arrival", "wait_min", "service_start", "departure", "cartons", "weight_kg", "load_after_cartons", "order_ids"];

    /// <returns>The files written, one per route.</returns>
    public static IReadOnlyList<string> WriteAll(Plan plan, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var route in plan.Routes)
        {
            var path = Path.Combine(folder, $"{route.RouteId}.csv");
            using (var writer = new StreamWriter(path)) Write(route, writer);
            files.Add(path);
        }
        return files;
    }

    public static void Write(PlannedRoute route, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var c in Columns) csv.WriteField(c);
        csv.NextRecord();
        foreach (var s in route.Stops)
        {
            csv.WriteField(s.Sequence);
            csv.WriteField(s.StoreId);
            csv.WriteField(s.StoreName);
            csv.WriteField(s.Tier);
            csv.WriteField(s.Arrival.ToString("HH:mm"));
            csv.WriteField(Math.Round(s.WaitMinutes, 1));
            csv.WriteField(s.ServiceStart.ToString("HH:mm"));
            csv.WriteField(s.Departure.ToString("HH:mm"));
            csv.WriteField(s.Cartons);
            csv.WriteField(s.WeightKg is { } kg ? Math.Round(kg, 1).ToString(CultureInfo.InvariantCulture) : "");
            csv.WriteField(s.LoadAfterCartons);
            csv.WriteField(string.Join(' ', s.OrderIds));
            csv.NextRecord();
        }
    }
}
