using System.Globalization;
using CsvHelper;
using Logistics.Core;
using Logistics.Scenarios;

namespace Logistics.Simulators.Orders;

/// <summary>Writes a simulated day as stores.csv, orders.csv and fleet.csv in the columns that
/// `logistics plan` reads (docs/planning-input.md).</summary>
public static class DayFiles
{
    public const string Stores = "stores.csv", Orders = "orders.csv", Fleet = "fleet.csv";

    public static void Write(SimulatedDay day, string folder)
    {
        Directory.CreateDirectory(folder);
        WriteCsv(Path.Combine(folder, Stores),
            ["store_id", "name", "kind", "lat", "lon", "tier", "windows", "service_fixed_min", "service_per_carton_s"],
            day.Stores.Select(s => new[]
            {
                s.Id, s.Name, day.StoreKinds[s.Id], Number(s.Location.Latitude), Number(s.Location.Longitude),
                Number(s.Tier.Level), string.Join(';', s.ReceivingWindows.Select(w => w.ToString())),
                Number(s.ServiceFixed.TotalMinutes), Number(s.ServicePerCarton.TotalSeconds),
            }));
        WriteCsv(Path.Combine(folder, Orders),
            ["order_id", "store_id", "cartons", "weight_kg", "urgent"],
            day.Orders.Select(o => new[]
            {
                o.Id, o.StoreId, Number(o.Cartons), o.WeightKg is { } kg ? Number(kg) : "", o.Urgent ? "true" : "false",
            }));
        WriteCsv(Path.Combine(folder, Fleet),
            ["vehicle_type", "count", "capacity_cartons", "capacity_kg", "shift_start", "shift_end", "max_route_min", "fixed_cost",
             "cost_per_km", "cost_per_hour", "depot_id", "depot_name", "depot_lat", "depot_lon", "depot_open", "depot_close"],
            day.Fleet.Select(v => new[]
            {
                v.Id, Number(v.Count), Number(v.CapacityCartons), v.CapacityKg is { } kg ? Number(kg) : "",
                Clock(v.Shift.Start), Clock(v.Shift.End), v.MaxRouteDuration is { } m ? Number(m.TotalMinutes) : "",
                Number(v.FixedCost), Number(v.CostPerKm), Number(v.CostPerHour), day.Depot.Id, day.Depot.Name,
                Number(day.Depot.Location.Latitude), Number(day.Depot.Location.Longitude),
                Clock(day.Depot.OpeningHours.Start), Clock(day.Depot.OpeningHours.End),
            }));
    }

    private static void WriteCsv(string path, string[] header, IEnumerable<string[]> rows)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var h in header) csv.WriteField(h);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row) csv.WriteField(field);
            csv.NextRecord();
        }
    }

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Writes <c>store_id,date,cartons</c>, the columns <c>logistics forecast</c> and PUT /api/history read.</summary>
    public static void WriteHistory(IReadOnlyList<OrderHistorySimulator.Delivery> deliveries, string path)
    {
        using var writer = new StreamWriter(path);
        writer.Write("store_id,date,cartons\n");
        foreach (var d in deliveries)
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{d.StoreId},{d.Date:yyyy-MM-dd},{d.Cartons}\n"));
    }
}
