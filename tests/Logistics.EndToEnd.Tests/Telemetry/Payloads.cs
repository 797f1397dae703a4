using System.Text.Json;

namespace Logistics.EndToEnd.Tests.Telemetry;

/// <summary>Telemetry payloads as the contract in architecture.md describes them.</summary>
public static class Payloads
{
    /// <summary>Device times of test readings: well in the past (old timestamps are accepted, future
    /// ones refused) and whole seconds, so that seq n is at <c>Base + n * 100 ms</c>.</summary>
    public static DateTimeOffset NewBaseTime() =>
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds());

    public static DateTimeOffset TimeOf(DateTimeOffset baseTime, long seq) => baseTime.AddMilliseconds(seq * 100);

    public sealed record Reading(string Sensor, double? TemperatureC, double? HumidityPct = null);

    /// <summary>A well-formed message (the JSON writer escapes whatever the strings hold).</summary>
    public static byte[] Message(string truck, long seq, DateTimeOffset ts, params Reading[] readings)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("truck", truck);
            w.WriteNumber("seq", seq);
            w.WriteString("ts", ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
            w.WriteStartArray("readings");
            foreach (var r in readings)
            {
                w.WriteStartObject();
                w.WriteString("sensor", r.Sensor);
                if (r.TemperatureC is { } t) w.WriteNumber("temperature_c", t);
                if (r.HumidityPct is { } h) w.WriteNumber("humidity_pct", h);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteBoolean("door_open", false);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>One in-band reading of sensor "front" at seq's time.</summary>
    /// <summary>Simple messages seq 1, 2, … until <paramref name="stop"/> is cancelled.</summary>
    public static IEnumerable<byte[]> Endless(string truck, DateTimeOffset baseTime, CancellationToken stop)
    {
        for (var seq = 1L; !stop.IsCancellationRequested; seq++) yield return Simple(truck, seq, baseTime);
    }

    public static byte[] Simple(string truck, long seq, DateTimeOffset baseTime) =>
        Message(truck, seq, TimeOf(baseTime, seq), new Reading("front", 18 + seq % 5 * 0.5, 55 + seq % 7));
}
