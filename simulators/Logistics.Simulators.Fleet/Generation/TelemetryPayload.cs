using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Logistics.Simulators.Fleet.Generation;

/// <summary>Writes the telemetry JSON of architecture.md, and the ways a broken device gets it wrong.</summary>
public static class TelemetryPayload
{
    /// <summary>Above anything a device has reason to send, below Mosquitto's message_size_limit
    /// (256 KiB in infra/mosquitto), so the broker passes it on and the listener has to refuse it.</summary>
    public const int OversizeBytes = 128 * 1024;

    public static byte[] Write(TelemetrySample sample) => Write(sample, truck: sample.Truck, padding: 0);

    public static byte[] WriteMalformed(TelemetrySample sample, MalformedKind kind, string otherTruck) => kind switch
    {
        // A device whose firmware writes its debug line to the wrong place.
        MalformedKind.NotJson => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{sample.Truck} seq={sample.Seq} t={Ts(sample.DeviceTime)} {{\"readings\":[")),
        MalformedKind.WrongTypes => WrongTypes(sample),
        MalformedKind.TruckMismatch => Write(sample, otherTruck, padding: 0),
        MalformedKind.Oversize => Write(sample, sample.Truck, OversizeBytes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>ISO-8601 UTC with milliseconds only when there are any: "2026-11-22T08:15:30Z".</summary>
    public static string Ts(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    private static byte[] Write(TelemetrySample sample, string truck, int padding)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + padding);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("truck", truck);
            json.WriteNumber("seq", sample.Seq);
            json.WriteString("ts", Ts(sample.DeviceTime));
            json.WriteStartArray("readings");
            foreach (var r in sample.Readings)
            {
                json.WriteStartObject();
                json.WriteString("sensor", r.Sensor);
                if (r.TemperatureC is { } t) json.WriteNumber("temperature_c", t);
                if (r.HumidityPct is { } h) json.WriteNumber("humidity_pct", h);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteBoolean("door_open", sample.DoorOpen);
            json.WriteStartObject("location");
            json.WriteNumber("lat", Math.Round(sample.Location.Latitude, 6));
            json.WriteNumber("lon", Math.Round(sample.Location.Longitude, 6));
            json.WriteEndObject();
            if (padding > 0) json.WriteString("debug", new string('x', padding));
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Valid JSON with every field of the wrong type.</summary>
    private static byte[] WrongTypes(TelemetrySample sample)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("truck", sample.Seq);
            json.WriteString("seq", sample.Seq.ToString(CultureInfo.InvariantCulture));
            json.WriteBoolean("ts", true);
            json.WriteStartObject("readings");
            json.WriteString("sensor", sample.Readings[0].Sensor);
            json.WriteString("temperature_c", "warm");
            json.WriteEndObject();
            json.WriteString("door_open", "no");
            json.WriteString("location", sample.Location.ToString());
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
