using System.Globalization;
using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Service.Inputs.Contracts;
using Logistics.Core.Csv;

namespace Logistics.Service.Inputs;

/// <summary>Turns JSON bodies into domain values under the rules the CSV readers apply, collecting every
/// refusal as an <see cref="InputError"/> whose File is the item's JSON path (e.g. "$[3]") and whose
/// Field is the JSON member. The value rules themselves stay in the Logistics.Core constructors.</summary>
public static class JsonInputReader
{
    public static IReadOnlyList<Store> Stores(IReadOnlyList<StoreJson?> items, List<InputError> errors)
    {
        var stores = new List<Store>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = new Item(errors, $"$[{i}]");
            if (items[i] is not { } s) { item.Error("store", "null", "an object is required"); continue; }
            var id = item.Required("id", s.Id);
            var unique = id is null || item.Unique(seen, "id", id);
            var location = item.Location(s.Lat, s.Lon, "lat", "lon");
            int? tier = item.Required("tier", s.Tier) is { } level
                ? item.Build("tier", Text(level), () => (int?)new Tier(level).Level)
                : null;
            var windows = Windows(item, s.Windows);
            if (id is null || !unique || location is null || tier is null || windows is null) continue;
            var store = item.Build(ParameterFields(("ServiceFixed", "serviceFixedMinutes", Text(s.ServiceFixedMinutes)),
                    ("ServicePerCarton", "servicePerCartonSeconds", Text(s.ServicePerCartonSeconds))), () => new Store(
                id, string.IsNullOrWhiteSpace(s.Name) ? id : s.Name.Trim(), location, new Tier(tier.Value), windows,
                s.ServiceFixedMinutes is { } f ? TimeSpan.FromMinutes(f) : StoresCsv.DefaultServiceFixed,
                s.ServicePerCartonSeconds is { } p ? TimeSpan.FromSeconds(p) : StoresCsv.DefaultServicePerCarton));
            if (store is not null) stores.Add(store);
        }
        return stores;
    }

    public static IReadOnlyList<Order> Orders(IReadOnlyList<OrderJson?> items, IReadOnlySet<string> storeIds, List<InputError> errors)
    {
        var orders = new List<Order>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = new Item(errors, $"$[{i}]");
            if (items[i] is not { } o) { item.Error("order", "null", "an object is required"); continue; }
            var id = item.Required("id", o.Id);
            var unique = id is null || item.Unique(seen, "id", id);
            var storeId = item.Required("storeId", o.StoreId);
            var known = storeId is null || storeIds.Contains(storeId);
            if (!known) item.Error("storeId", storeId!, "no store with this id in the saved store list: import the stores first");
            var cartons = item.Required("cartons", o.Cartons);
            if (id is null || !unique || storeId is null || !known || cartons is null) continue;
            var order = item.Build(ParameterFields(("Cartons", "cartons", Text(cartons)), ("WeightKg", "weightKg", Text(o.WeightKg))),
                () => new Order(id, storeId, cartons.Value, o.WeightKg, o.Urgent ?? false));
            if (order is not null) orders.Add(order);
        }
        return orders;
    }

    public static Fleet? Fleet(FleetJson? fleet, List<InputError> errors)
    {
        var body = new Item(errors, "$");
        if (fleet is null) { body.Error("fleet", "null", "an object with 'depots' and 'vehicleTypes' is required"); return null; }
        var depots = new List<Depot>();
        var depotIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var depotItems = fleet.Depots ?? [];
        if (depotItems.Count == 0) body.Error("depots", "[]", "the fleet needs at least one depot");
        for (var i = 0; i < depotItems.Count; i++)
        {
            var item = new Item(errors, $"$.depots[{i}]");
            if (depotItems[i] is not { } d) { item.Error("depot", "null", "an object is required"); continue; }
            var id = item.Required("id", d.Id);
            var unique = id is null || item.Unique(depotIds, "id", id);
            var location = item.Location(d.Lat, d.Lon, "lat", "lon");
            var hours = d.Open is null && d.Close is null ? FleetCsv.AllDay : item.Window("open", d.Open, "close", d.Close);
            if (id is null || !unique || location is null || hours is null) continue;
            depots.Add(new Depot(id, string.IsNullOrWhiteSpace(d.Name) ? id : d.Name.Trim(), location, hours));
        }

        var types = new List<VehicleType>();
        var typeIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var typeItems = fleet.VehicleTypes ?? [];
        if (typeItems.Count == 0) body.Error("vehicleTypes", "[]", "the fleet has no vehicle type");
        for (var i = 0; i < typeItems.Count; i++)
        {
            var item = new Item(errors, $"$.vehicleTypes[{i}]");
            if (typeItems[i] is not { } v) { item.Error("vehicleType", "null", "an object is required"); continue; }
            var id = item.Required("id", v.Id);
            var unique = id is null || item.Unique(typeIds, "id", id);
            var count = item.Required("count", v.Count);
            var cartons = item.Required("capacityCartons", v.CapacityCartons);
            var shift = item.Window("shiftStart", v.ShiftStart, "shiftEnd", v.ShiftEnd);
            var fixedCost = item.Required("fixedCost", v.FixedCost);
            var perKm = item.Required("costPerKm", v.CostPerKm);
            var perHour = item.Required("costPerHour", v.CostPerHour);
            var start = item.Required("startDepotId", v.StartDepotId);
            var end = string.IsNullOrWhiteSpace(v.EndDepotId) ? start : v.EndDepotId.Trim();
            var depotsKnown = true;
            foreach (var (field, depotId) in new[] { ("startDepotId", start), ("endDepotId", end) })
            {
                if (depotId is null || depotIds.ContainsKey(depotId)) continue;
                item.Error(field, depotId, "no depot with this id in 'depots'");
                depotsKnown = false;
            }
            if (id is null || !unique || count is null || cartons is null || shift is null || fixedCost is null || perKm is null
                || perHour is null || start is null || end is null || !depotsKnown)
                continue;
            var type = item.Build(ParameterFields(("Count", "count", Text(count)), ("CapacityCartons", "capacityCartons", Text(cartons)),
                    ("CapacityKg", "capacityKg", Text(v.CapacityKg)), ("MaxRouteDuration", "maxRouteMinutes", Text(v.MaxRouteMinutes)),
                    ("FixedCost", "fixedCost", Text(fixedCost)), ("CostPerKm", "costPerKm", Text(perKm)), ("CostPerHour", "costPerHour", Text(perHour))),
                () => new VehicleType(id, count.Value, cartons.Value, v.CapacityKg, shift,
                    v.MaxRouteMinutes is { } m ? TimeSpan.FromMinutes(m) : null, fixedCost.Value, perKm.Value, perHour.Value, start, end));
            if (type is not null) types.Add(type);
        }
        return new Fleet(depots, types);
    }

    private static IReadOnlyList<TimeWindow>? Windows(Item item, IReadOnlyList<string>? texts)
    {
        if (texts is null || texts.Count == 0)
        {
            item.Error("windows", "[]", "a store needs at least one receiving window, e.g. [\"08:00-12:00\"]");
            return null;
        }
        var windows = new List<TimeWindow>();
        foreach (var text in texts)
        {
            var ends = (text ?? "").Split('-');
            if (ends.Length != 2 || !Contracts.Clock.TryParse(ends[0], out var start) || !Contracts.Clock.TryParse(ends[1], out var end))
            {
                item.Error("windows", text ?? "null", "not a window: write \"HH:mm-HH:mm\"");
                return null;
            }
            if (item.Build("windows", text!, () => new TimeWindow(start, end)) is not { } window) return null;
            windows.Add(window);
        }
        return windows;
    }

    private static string Text<T>(T? value) where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture) ?? "";

    private static string Text<T>(T value) where T : struct, IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static Dictionary<string, (string Field, string Value)> ParameterFields(params (string Parameter, string Field, string Value)[] map) =>
        map.ToDictionary(m => m.Parameter, m => (m.Field, m.Value), StringComparer.Ordinal);

    /// <summary>One item of the body: where it is, and the errors found in it.</summary>
    private readonly record struct Item(List<InputError> Errors, string Path)
    {
        public void Error(string field, string value, string problem) => Errors.Add(new InputError(Path, 0, field, value, problem));

        public string? Required(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
            Error(field, value ?? "", "a value is required");
            return null;
        }

        public T? Required<T>(string field, T? value) where T : struct
        {
            if (value is null) Error(field, "", "a value is required");
            return value;
        }

        public bool Unique(Dictionary<string, string> seen, string field, string id)
        {
            if (seen.TryGetValue(id, out var first))
            {
                Error(field, id, $"duplicate id: already used at {first}");
                return false;
            }
            seen[id] = Path;
            return true;
        }

        public Coordinates? Location(double? lat, double? lon, string latField, string lonField)
        {
            if (lat is null || lon is null)
            {
                Error(lat is null ? latField : lonField, "", "coordinates are required (lat and lon in WGS-84 degrees)");
                return null;
            }
            if (lat == 0 && lon == 0)
            {
                Error(latField, "0,0", "0,0 is not a location: coordinates are missing");
                return null;
            }
            return Build(ParameterFields(("Latitude", latField, Text(lat)), ("Longitude", lonField, Text(lon))),
                () => new Coordinates(lat.Value, lon.Value));
        }

        public TimeWindow? Window(string startField, string? startText, string endField, string? endText)
        {
            var start = Time(startField, startText);
            var end = Time(endField, endText);
            if (start is null || end is null) return null;
            return Build(endField, endText!, () => new TimeWindow(start.Value, end.Value));
        }

        private TimeOnly? Time(string field, string? text)
        {
            if (Contracts.Clock.TryParse(text, out var time)) return time;
            Error(field, text ?? "", text is null ? "a clock time (HH:mm) is required" : "not a clock time (use HH:mm, 00:00 to 23:59)");
            return null;
        }

        public T? Build<T>(string field, string value, Func<T> create) =>
            Build(new Dictionary<string, (string, string)>(), create, (field, value));

        /// <summary>Runs a Logistics.Core constructor; its refusal names a parameter, reported as the JSON member it came from.</summary>
        public T? Build<T>(Dictionary<string, (string Field, string Value)> fields, Func<T> create, (string Field, string Value)? fallback = null)
        {
            try { return create(); }
            catch (ArgumentException e)
            {
                var (field, value) = e.ParamName is { } p && fields.TryGetValue(p, out var f) ? f : fallback ?? (e.ParamName ?? "value", "");
                Error(field, value, FirstSentence(e.Message));
                return default;
            }
        }

        /// <summary>ArgumentException appends " (Parameter 'x')" and the actual value, which the error names already.</summary>
        private static string FirstSentence(string message)
        {
            var line = message.Split('\n')[0].TrimEnd('\r');
            var at = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
            return at >= 0 ? line[..at] : line;
        }
    }
}
