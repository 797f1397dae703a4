using System.Globalization;
using Logistics.Core.Csv;

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

    /// <summary>Store names and ids are typed by people: they go through <see cref="CsvCellWriter"/>, which keeps a
    /// name like <c>=HYPERLINK(…)</c> from running as a formula in the driver's spreadsheet.</summary>
    public static void Write(PlannedRoute route, TextWriter writer)
    {
        var csv = new CsvCellWriter(writer);
        csv.Texts(Columns).EndRow();
        foreach (var s in route.Stops)
        {
            csv.Number(s.Sequence).Text(s.StoreId).Text(s.StoreName).Number(s.Tier)
                .Text(s.Arrival.ToString("HH:mm", CultureInfo.InvariantCulture))
                .Number(Math.Round(s.WaitMinutes, 1), "0.#")
                .Text(s.ServiceStart.ToString("HH:mm", CultureInfo.InvariantCulture))
                .Text(s.Departure.ToString("HH:mm", CultureInfo.InvariantCulture))
                .Number(s.Cartons)
                .Number(s.WeightKg is { } kg ? Math.Round(kg, 1) : null, "0.#")
                .Number(s.LoadAfterCartons)
                .Text(string.Join(' ', s.OrderIds))
                .EndRow();
        }
    }
}
