using System.Text.Encodings.Web;
using System.Text.Json;
using Logistics.Core;

namespace Logistics.Routing.Planning;

/// <summary>The plan as a GeoJSON FeatureCollection (RFC 7946, positions [lon, lat]): a LineString per
/// route through depot → stops → depot, and a Point per stop.</summary>
public static class PlanGeoJson
{
    public static void Write(Plan plan, string path)
    {
        using var stream = File.Create(path);
        Write(plan, stream);
    }

    public static string Serialize(Plan plan)
    {
        using var stream = new MemoryStream();
        Write(plan, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Plan plan, Stream stream)
    {
        var depots = plan.Depots.ToDictionary(d => d.Id, StringComparer.Ordinal);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var route in plan.Routes)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "LineString");
            w.WriteStartArray("coordinates");
            Position(w, depots[route.StartDepotId].Location);
            foreach (var stop in route.Stops) Position(w, stop.Location);
            Position(w, depots[route.EndDepotId].Location);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("route", route.RouteId);
            w.WriteString("vehicleType", route.VehicleType);
            w.WriteNumber("stops", route.Stops.Count);
            w.WriteNumber("cartons", route.Cartons);
            w.WriteNumber("distanceKm", Math.Round(route.DistanceKm, 3));
            w.WriteString("departure", route.Departure.ToString("HH:mm"));
            w.WriteString("return", route.Return.ToString("HH:mm"));
            w.WriteEndObject();
            w.WriteEndObject();

            foreach (var stop in route.Stops)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("geometry");
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                Position(w, stop.Location);
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("route", route.RouteId);
                w.WriteNumber("sequence", stop.Sequence);
                w.WriteString("store", stop.StoreId);
                w.WriteString("storeName", stop.StoreName);
                w.WriteNumber("tier", stop.Tier);
                w.WriteString("arrival", stop.Arrival.ToString("HH:mm"));
                w.WriteNumber("cartons", stop.Cartons);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Position(Utf8JsonWriter w, Coordinates c)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(c.Longitude, 6));
        w.WriteNumberValue(Math.Round(c.Latitude, 6));
        w.WriteEndArray();
    }
}
