using System.Globalization;
using System.Text.Json;
using Logistics.Core;

namespace Logistics.Simulators.Fleet.Generation;

/// <summary>The vehicles' routes of a plan written by <c>logistics plan --out plan.json</c>
/// (Logistics.Routing's PlanJson: camelCase, local clock times "HH:mm:ss" of the plan's date).
/// Only what a truck needs to drive is read: per route the departure, the stops' locations and
/// times, the return, and the depots' locations.</summary>
public sealed record PlanRoutes(DateOnly Date, Coordinates Depot, IReadOnlyList<Route> Routes)
{
    /// <summary>China Standard Time, Nanning's clock; the plan's times are local.</summary>
    public static readonly TimeSpan NanningUtcOffset = TimeSpan.FromHours(8);

    /// <summary>When the first truck leaves.</summary>
    public DateTimeOffset FirstDeparture => Routes.Count == 0 ? LocalTime(new TimeOnly(0, 0)) : Routes.Min(r => r.Visits[0].Departure);

    private TimeSpan Offset { get; init; } = NanningUtcOffset;

    private DateTimeOffset LocalTime(TimeOnly time) => new(Date.ToDateTime(time), Offset);

    /// <exception cref="PlanFormatException">Not a plan, or a field is missing or has a bad value.</exception>
    public static PlanRoutes Read(string path, TimeSpan? utcOffset = null)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlanFormatException($"{path}: cannot read the plan: {e.Message}", e);
        }
        return Parse(json, path, utcOffset ?? NanningUtcOffset);
    }

    public static PlanRoutes Parse(string json, string source, TimeSpan utcOffset)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new PlanFormatException($"{source}: not JSON ({e.Message})", e);
        }
        using (document)
        {
            var root = document.RootElement;
            var reader = new Reader(source);
            var dateText = reader.String(root, "date", "date");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new PlanFormatException($"{source}: date: '{dateText}' is not a date (yyyy-MM-dd)");

            var depots = new Dictionary<string, Coordinates>(StringComparer.Ordinal);
            var i = 0;
            foreach (var depot in reader.Array(root, "depots", "depots"))
            {
                var at = $"depots[{i++}]";
                depots[reader.String(depot, "id", at + ".id")] = reader.Location(depot, at + ".location");
            }
            if (depots.Count == 0) throw new PlanFormatException($"{source}: depots: the plan names no depot");

            var plan = new PlanRoutes(date, depots.Values.First(), []) { Offset = utcOffset };
            var routes = new List<Route>();
            i = 0;
            foreach (var route in reader.Array(root, "routes", "routes"))
            {
                var at = $"routes[{i++}]";
                var id = reader.String(route, "routeId", at + ".routeId");
                var day = new DayClock(plan, reader, at);
                var visits = new List<RouteVisit>();
                var start = reader.Depot(route, "startDepotId", at, depots);
                var departure = day.Next(reader.String(route, "departure", at + ".departure"), at + ".departure");
                visits.Add(new(start, departure, departure, departure));
                var s = 0;
                foreach (var stop in reader.Array(route, "stops", at + ".stops"))
                {
                    var sa = $"{at}.stops[{s++}]";
                    var location = reader.Location(stop, sa + ".location");
                    var arrival = day.Next(reader.String(stop, "arrival", sa + ".arrival"), sa + ".arrival");
                    var serviceStart = day.Next(reader.String(stop, "serviceStart", sa + ".serviceStart"), sa + ".serviceStart");
                    var leave = day.Next(reader.String(stop, "departure", sa + ".departure"), sa + ".departure");
                    visits.Add(new(location, arrival, serviceStart, leave));
                }
                var end = reader.Depot(route, "endDepotId", at, depots);
                var back = day.Next(reader.String(route, "return", at + ".return"), at + ".return");
                visits.Add(new(end, back, back, back));
                routes.Add(new Route(id, visits));
            }
            return plan with { Routes = routes };
        }
    }

    /// <summary>Turns the plan's clock times into instants, moving to the next day when a time is
    /// earlier than the one before (a route that runs past midnight).</summary>
    private sealed class DayClock(PlanRoutes plan, Reader reader, string route)
    {
        private DateTimeOffset _last = DateTimeOffset.MinValue;

        public DateTimeOffset Next(string text, string at)
        {
            if (!TimeOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                throw new PlanFormatException($"{reader.Source}: {at}: '{text}' is not a clock time (HH:mm:ss)");
            var instant = plan.LocalTime(time);
            while (instant < _last) instant = instant.AddDays(1);
            if (instant - (_last == DateTimeOffset.MinValue ? instant : _last) > TimeSpan.FromHours(23))
                throw new PlanFormatException($"{reader.Source}: {at}: '{text}' is out of order in {route}");
            _last = instant;
            return instant;
        }
    }

    private sealed class Reader(string source)
    {
        public string Source => source;

        public JsonElement Property(JsonElement parent, string name, string at) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
                ? value
                : throw new PlanFormatException($"{source}: {at}: missing (is this a plan written by 'logistics plan --out'?)");

        public string String(JsonElement parent, string name, string at)
        {
            var value = Property(parent, name, at);
            return value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new PlanFormatException($"{source}: {at}: expected a string, found {value.ValueKind.ToString().ToLowerInvariant()} {value.GetRawText()}");
        }

        public JsonElement.ArrayEnumerator Array(JsonElement parent, string name, string at)
        {
            var value = Property(parent, name, at);
            return value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray()
                : throw new PlanFormatException($"{source}: {at}: expected an array, found {value.ValueKind.ToString().ToLowerInvariant()}");
        }

        public Coordinates Location(JsonElement parent, string at)
        {
            var location = Property(parent, "location", at);
            var lat = Number(location, "latitude", at + ".latitude");
            var lon = Number(location, "longitude", at + ".longitude");
            try
            {
                return new Coordinates(lat, lon);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new PlanFormatException($"{source}: {at}: {e.Message}", e);
            }
        }

        public Coordinates Depot(JsonElement route, string name, string at, IReadOnlyDictionary<string, Coordinates> depots)
        {
            var id = String(route, name, $"{at}.{name}");
            return depots.TryGetValue(id, out var location)
                ? location
                : throw new PlanFormatException($"{source}: {at}.{name}: '{id}' is not among the plan's depots ({string.Join(", ", depots.Keys)})");
        }

        private double Number(JsonElement parent, string name, string at)
        {
            var value = Property(parent, name, at);
            return value.ValueKind == JsonValueKind.Number
                ? value.GetDouble()
                : throw new PlanFormatException($"{source}: {at}: expected a number, found {value.GetRawText()}");
        }
    }
}
