using Logistics.Core;
using Logistics.Core.Csv;

namespace Logistics.Routing.Planning;

/// <summary>Reads fleet.csv: one row per vehicle type, carrying its start depot, so that a day needs
/// only three files. Rows naming the same depot must agree on its location and hours
/// (columns in docs/planning-input.md).</summary>
public static class FleetCsv
{
    public const string Type = "vehicle_type", Count = "count", CapacityCartons = "capacity_cartons", CapacityKg = "capacity_kg",
        ShiftStart = "shift_start", ShiftEnd = "shift_end", MaxRoute = "max_route_min", FixedCost = "fixed_cost",
        CostPerKm = "cost_per_km", CostPerHour = "cost_per_hour", DepotId = "depot_id", DepotName = "depot_name",
        DepotLat = "depot_lat", DepotLon = "depot_lon", DepotOpen = "depot_open", DepotClose = "depot_close", EndDepotId = "end_depot_id";

    /// <summary>A depot without stated hours is open all day; the shifts limit the routes.</summary>
    public static readonly TimeWindow AllDay = new(TimeOnly.MinValue, new TimeOnly(23, 59));

    public static Fleet Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static Fleet Read(TextReader reader, string file)
    {
        var (t, rows) = CsvTable.Read(reader, file,
            [Type, Count, CapacityCartons, ShiftStart, ShiftEnd, FixedCost, CostPerKm, CostPerHour, DepotId, DepotLat, DepotLon]);
        var depots = new Dictionary<string, (Depot Depot, int Row)>(StringComparer.Ordinal);
        var depotOrder = new List<Depot>();
        var types = new List<VehicleType>();
        var endDepots = new List<(int Row, string Id)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, fields) in rows)
        {
            t.Start(row, fields);
            var id = t.Text(Type);
            var unique = id is null || t.CheckUnique(seen, Type, id);
            var count = t.Integer(Count);
            if (count < 0) t.Error(Count, t.Raw(Count), "count must not be negative");
            var cartons = ReadCapacity(t);
            var kg = t.HasColumn(CapacityKg) ? t.Number(CapacityKg, required: false) : null;
            if (kg <= 0) t.Error(CapacityKg, t.Raw(CapacityKg), "capacity in kg must be greater than 0 when given");
            var shift = ReadWindow(t, ShiftStart, ShiftEnd, required: true);
            var maxMinutes = t.HasColumn(MaxRoute) ? t.Number(MaxRoute, required: false) : null;
            if (maxMinutes <= 0) t.Error(MaxRoute, t.Raw(MaxRoute), "maximum route duration must be greater than 0 minutes");
            var fixedCost = NonNegative(t, FixedCost);
            var perKm = NonNegative(t, CostPerKm);
            var perHour = NonNegative(t, CostPerHour);
            var depot = ReadDepot(t, depots, depotOrder);
            var endId = t.HasColumn(EndDepotId) ? t.Text(EndDepotId, required: false) : null;
            if (endId is not null) endDepots.Add((row, endId));

            if (id is null || !unique || count is not >= 0 || cartons is null || kg <= 0 || shift is null || maxMinutes <= 0
                || fixedCost is null || perKm is null || perHour is null || depot is null)
                continue;
            var type = t.Build(Type, id, () => new VehicleType(id, count.Value, cartons.Value, kg, shift,
                maxMinutes is { } m ? TimeSpan.FromMinutes(m) : null, fixedCost.Value, perKm.Value, perHour.Value,
                depot.Id, endId ?? depot.Id));
            if (type is not null) types.Add(type);
        }
        foreach (var (row, endId) in endDepots.Where(e => !depots.ContainsKey(e.Id)))
        {
            t.Start(row, []);
            t.Error(EndDepotId, endId, "no depot with this id on any row's depot_id");
        }
        if (types.Count == 0 && !t.HasErrors)
            t.Error(Type, "", "the fleet has no vehicle type");
        if (t.HasErrors) throw new InputValidationException(t.Errors);
        return new Fleet(depotOrder, types);
    }

    private static int? ReadCapacity(CsvTable t)
    {
        var raw = t.Raw(CapacityCartons);
        if (raw.Length == 0)
        {
            t.Error(CapacityCartons, raw, "a vehicle needs a capacity in cartons");
            return null;
        }
        var cartons = t.Integer(CapacityCartons);
        if (cartons is null) return null;
        if (cartons > 0) return cartons;
        t.Error(CapacityCartons, raw, "a vehicle needs a capacity greater than 0 cartons");
        return null;
    }

    private static decimal? NonNegative(CsvTable t, string column)
    {
        var value = t.Money(column);
        if (value >= 0 || value is null) return value;
        t.Error(column, t.Raw(column), "a cost must not be negative");
        return null;
    }

    private static TimeWindow? ReadWindow(CsvTable t, string startColumn, string endColumn, bool required)
    {
        var start = t.Time(startColumn, required);
        var end = t.Time(endColumn, required);
        if (start is null || end is null) return null;
        if (end > start) return new TimeWindow(start.Value, end.Value);
        t.Error(endColumn, t.Raw(endColumn), $"ends before it starts ({startColumn} is {t.Raw(startColumn)})");
        return null;
    }

    private static Depot? ReadDepot(CsvTable t, Dictionary<string, (Depot Depot, int Row)> depots, List<Depot> order)
    {
        var id = t.Text(DepotId);
        var lat = t.Number(DepotLat);
        var lon = t.Number(DepotLon);
        var hours = t.HasColumn(DepotOpen) && t.HasColumn(DepotClose) && (t.Raw(DepotOpen).Length > 0 || t.Raw(DepotClose).Length > 0)
            ? ReadWindow(t, DepotOpen, DepotClose, required: true)
            : AllDay;
        if (id is null || lat is null || lon is null || hours is null) return null;
        var location = t.Build(Math.Abs(lat.Value) > 90 ? DepotLat : DepotLon, Math.Abs(lat.Value) > 90 ? t.Raw(DepotLat) : t.Raw(DepotLon),
            () => new Coordinates(lat.Value, lon.Value));
        if (location is null) return null;
        var name = t.HasColumn(DepotName) ? t.Raw(DepotName) : "";
        var depot = new Depot(id, name.Length > 0 ? name : id, location, hours);
        if (depots.TryGetValue(id, out var known))
        {
            if (known.Depot.Location != depot.Location || known.Depot.OpeningHours != depot.OpeningHours)
            {
                t.Error(DepotId, id, $"depot already defined on row {known.Row} with another location or hours");
                return null;
            }
            return known.Depot;
        }
        depots[id] = (depot, t.Row);
        order.Add(depot);
        return depot;
    }
}
