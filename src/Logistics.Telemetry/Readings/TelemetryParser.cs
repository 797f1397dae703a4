using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Logistics.Core;

namespace Logistics.Telemetry.Readings;

/// <summary>Checks what an in-cab device published against the contract (architecture.md, "MQTT
/// (in-cab devices)") and turns it into a <see cref="TelemetryMessage"/>, or refuses it with a
/// <see cref="TelemetryRejection"/> that names the reason, the field and the value.
/// Never throws on any topic or payload; thread-safe (it holds only its options).</summary>
/// <remarks>
/// Rules beyond the contract's wording, chosen here:
/// <list type="bullet">
/// <item>A <c>ts</c> more than <see cref="TelemetryValidationOptions.MaxClockAhead"/> (default
/// 5 minutes) ahead of the receive time is refused with <c>future_timestamp</c>: a device clock that
/// far off would put points where later, correct readings overwrite them or alerts misfire, and the
/// device can resend once its clock is right. Old timestamps are accepted (a truck out of coverage
/// delivers its backlog late).</item>
/// <item>An ISO-8601 <c>ts</c> must carry a zone (<c>Z</c> or an offset, which is converted to UTC);
/// one without a zone is ambiguous and refused. A numeric <c>ts</c> is whole Unix milliseconds.</item>
/// <item>A temperature outside −60…+80 °C or a humidity outside 0…100 % is a sensor fault, not a
/// rejection: that quantity is left out and reported as a <see cref="SensorFault"/>; the rest of the
/// message is accepted. A reading left with no quantity is dropped from
/// <see cref="TelemetryMessage.Readings"/>.</item>
/// <item>Unknown fields are ignored (devices may be newer than the service); a known field given
/// twice is refused (<c>duplicate_field</c>), as is a sensor name given twice in one message. An
/// optional field that is JSON <c>null</c> counts as absent.</item>
/// </list>
/// </remarks>
public sealed class TelemetryParser
{
    public const double MinTemperatureC = -60, MaxTemperatureC = 80;
    public const double MinHumidityPct = 0, MaxHumidityPct = 100;
    public const int MaxSensorNameLength = 64;

    // The payload is a shallow object; deep nesting can only be an attack or garbage.
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    private static readonly FieldNames MessageFields = new(["truck", "seq", "ts", "readings", "door_open", "location"]);
    private static readonly FieldNames ReadingFields = new(["sensor", "temperature_c", "humidity_pct"]);
    private static readonly FieldNames LocationFields = new(["lat", "lon"]);

    // The paths of the first readings' fields, made once rather than for every reading of every message.
    private static readonly ReadingPaths[] CommonReadingPaths = Enumerable.Range(0, 16).Select(i => new ReadingPaths(i)).ToArray();

    /// <summary>The fields <c>Fields</c> picked out of one object, by position in its <see cref="FieldNames"/> (at most
    /// six; on the stack, where an array cost an object per message and per reading).</summary>
    [InlineArray(6)]
    private struct FoundFields
    {
        private JsonElement? _first;
    }

    /// <summary>The sensor names of one message's first readings, for the duplicate check (on the stack).</summary>
    [InlineArray(Length)]
    private struct SeenSensors
    {
        public const int Length = 16;
        private string _first;
    }

    /// <summary>A JSON object's known field names, also as UTF-8 (compared without transcoding).</summary>
    private sealed class FieldNames(string[] names)
    {
        public string[] Names { get; } = names;
        public byte[][] Utf8 { get; } = names.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    private sealed class ReadingPaths(int index)
    {
        public string Reading { get; } = $"readings[{index}]";
        public string Sensor { get; } = $"readings[{index}].sensor";
        public string TemperatureC { get; } = $"readings[{index}].temperature_c";
        public string HumidityPct { get; } = $"readings[{index}].humidity_pct";
    }

    private static readonly long MinUnixMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private readonly TelemetryValidationOptions _options;
    private readonly FleetTopicCache _topics = new();
    private readonly SensorNames _sensorNames = new();

    public TelemetryParser(TelemetryValidationOptions? options = null)
    {
        _options = options ?? new TelemetryValidationOptions();
        _options.Validate();
    }

    public TelemetryValidationOptions Options => _options;

    /// <summary>Validates a message from <c>fleet/{truck}/telemetry</c>.</summary>
    /// <param name="topic">The MQTT topic it arrived on.</param>
    /// <param name="payload">The payload as received; any bytes at all.</param>
    /// <param name="receivedAt">When the service received it; the reference for <c>future_timestamp</c>.</param>
    public TelemetryParseResult ParseTelemetry(string? topic, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt)
    {
        if (CheckEnvelope(topic, FleetTopicKind.Telemetry, payload.Length, out var truck) is { } refused)
            return TelemetryParseResult.Rejected(refused);
        if (!Utf8.IsValid(payload.Span))
            return Refuse(RejectionReason.NotJson, truck, "payload", LogSafe.Bytes(payload.Span), "the payload is not valid UTF-8");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, JsonOptions);
        }
        catch (JsonException e)
        {
            return Refuse(RejectionReason.NotJson, truck, "payload", LogSafe.Bytes(payload.Span),
                $"the payload is not JSON: {LogSafe.Text(e.Message, 160)}");
        }
        using (document)
        {
            try
            {
                return new MessageReader(truck, receivedAt, _options.MaxClockAhead, _sensorNames).Read(document.RootElement);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or ArgumentException)
            {
                // The readers below check kinds and ranges first; this only catches what slips past them,
                // so that a payload can never take the listener down.
                return Refuse(RejectionReason.InvalidValue, truck, "payload", LogSafe.Bytes(payload.Span),
                    $"the payload could not be read: {LogSafe.Text(e.Message, 160)}");
            }
        }
    }

    /// <summary>Validates a message from <c>fleet/{truck}/status</c>: <c>online</c> or <c>offline</c>,
    /// in any case, with any surrounding whitespace.</summary>
    public StatusParseResult ParseStatus(string? topic, ReadOnlyMemory<byte> payload)
    {
        if (CheckEnvelope(topic, FleetTopicKind.Status, payload.Length, out var truck) is { } refused)
            return StatusParseResult.Rejected(refused);
        var span = payload.Span;
        if (Utf8.IsValid(span))
        {
            var text = Encoding.UTF8.GetString(span).Trim();
            if (text.Equals("online", StringComparison.OrdinalIgnoreCase)) return StatusParseResult.Accepted(truck, DeviceStatus.Online);
            if (text.Equals("offline", StringComparison.OrdinalIgnoreCase)) return StatusParseResult.Accepted(truck, DeviceStatus.Offline);
        }
        var shown = LogSafe.Bytes(span);
        return StatusParseResult.Rejected(new TelemetryRejection(RejectionReason.InvalidValue, truck, "status", shown,
            $"status must be online or offline, got \"{shown}\""));
    }

    private TelemetryRejection? CheckEnvelope(string? topic, FleetTopicKind kind, int payloadLength, out string truck)
    {
        truck = "";
        if (!_topics.TryParse(topic, out var parsed) || parsed.Kind != kind)
        {
            var shown = LogSafe.Text(topic) ?? "null";
            var expected = FleetTopics.Name(kind);
            return new TelemetryRejection(RejectionReason.InvalidTopic, null, "topic", LogSafe.Text(topic),
                $"topic \"{shown}\" is not fleet/{{truckId}}/{expected} with a truck id of {TruckId.Rule}");
        }
        if (_options.Fleet is { } fleet && !fleet.Contains(parsed.Truck))
            return new TelemetryRejection(RejectionReason.UnknownTruck, parsed.Truck, "topic", parsed.Truck,
                $"truck \"{parsed.Truck}\" is not in the fleet");
        if (payloadLength > _options.MaxPayloadBytes)
            return new TelemetryRejection(RejectionReason.PayloadTooLarge, parsed.Truck, "payload",
                payloadLength.ToString(CultureInfo.InvariantCulture),
                $"payload of {payloadLength} bytes is larger than the limit of {_options.MaxPayloadBytes} bytes");
        truck = parsed.Truck;
        return null;
    }

    private static TelemetryParseResult Refuse(RejectionReason reason, string? truck, string field, string? value, string message) =>
        TelemetryParseResult.Rejected(new TelemetryRejection(reason, truck, field, value, message));

    /// <summary>One message's walk; the first problem found is the one reported. A value (on the stack): one per message.</summary>
    private struct MessageReader(string truck, DateTimeOffset receivedAt, TimeSpan maxClockAhead, SensorNames sensorNames)
    {
        private List<SensorFault>? _faults;
        private TelemetryRejection? _error;

        public TelemetryParseResult Read(JsonElement root)
        {
            var message = ReadMessage(root);
            return message is not null && _error is null
                ? TelemetryParseResult.Accepted(message, _faults ?? (IReadOnlyList<SensorFault>)[])
                : TelemetryParseResult.Rejected(_error!);
        }

        private TelemetryMessage? ReadMessage(JsonElement root)
        {
            if (!Fields(root, "payload", MessageFields, out var f)) return null;
            // The usual case, the topic's truck, is compared without making a string of it.
            var payloadTruck = truck;
            if (f[0] is not { ValueKind: JsonValueKind.String } sameTruck || !sameTruck.ValueEquals(truck))
            {
                if (!RequiredString(f[0], "truck", out payloadTruck)) return null;
            }
            if (payloadTruck != truck)
                { Fail(RejectionReason.TruckMismatch, "truck", LogSafe.Text(payloadTruck),
                    $"truck \"{LogSafe.Text(payloadTruck)}\" differs from the topic's truck \"{truck}\""); return null; }
            if (!ReadSeq(f[1], out var seq)) return null;
            if (!ReadTimestamp(f[2], out var deviceTime)) return null;
            var readings = ReadReadings(f[3], seq, deviceTime);
            if (readings is null) return null;
            if (!ReadDoor(f[4], out var door)) return null;
            if (!ReadLocation(f[5], out var location)) return null;
            return new TelemetryMessage(truck, seq, deviceTime, readings, door, location);
        }

        private bool ReadSeq(JsonElement? element, out long seq)
        {
            seq = 0;
            if (!RequiredNumber(element, "seq")) return false;
            var e = element!.Value;
            if (!e.TryGetInt64(out seq) || seq < 0)
                return Fail(RejectionReason.InvalidValue, "seq", Raw(e), $"seq must be a whole number from 0 to {long.MaxValue}, got {Raw(e)}");
            return true;
        }

        private bool ReadTimestamp(JsonElement? element, out DateTimeOffset time)
        {
            time = default;
            if (element is not { } e || e.ValueKind == JsonValueKind.Null)
                return Fail(RejectionReason.MissingField, "ts", null, "ts is missing");
            if (e.ValueKind == JsonValueKind.String)
            {
                // The devices' form is read from the payload's bytes (no string); any other by the general parser.
                if (!TryParseUtc(RawString(e), out time))
                {
                    if (!TryString(e, "ts", out var text)) return false;
                    if (!DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture,
                            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
                        return Fail(RejectionReason.InvalidValue, "ts", LogSafe.Text(text),
                            $"ts must be ISO-8601 with a zone (2026-11-22T08:15:30Z) or Unix milliseconds, got \"{LogSafe.Text(text)}\"");
                    time = time.ToUniversalTime();
                }
            }
            else if (e.ValueKind == JsonValueKind.Number)
            {
                if (!e.TryGetInt64(out var ms) || ms < MinUnixMs || ms > MaxUnixMs)
                    return Fail(RejectionReason.InvalidValue, "ts", Raw(e), $"ts must be whole Unix milliseconds, got {Raw(e)}");
                time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            }
            else
            {
                return Fail(RejectionReason.WrongType, "ts", Raw(e), $"ts must be a string or a number, got {Kind(e)} {Raw(e)}");
            }
            if (time - receivedAt > maxClockAhead)
            {
                var shown = time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
                return Fail(RejectionReason.FutureTimestamp, "ts", shown,
                    $"ts {shown} is {(time - receivedAt).TotalSeconds:0} s ahead of the receive time; at most {maxClockAhead.TotalSeconds:0} s is allowed");
            }
            return true;
        }

        private SensorReading[]? ReadReadings(JsonElement? element, long seq, DateTimeOffset deviceTime)
        {
            if (element is not { } e || e.ValueKind == JsonValueKind.Null)
                { Fail(RejectionReason.MissingField, "readings", null, "readings is missing"); return null; }
            if (e.ValueKind != JsonValueKind.Array)
                { Fail(RejectionReason.WrongType, "readings", Raw(e), $"readings must be an array, got {Kind(e)} {Raw(e)}"); return null; }
            if (e.GetArrayLength() == 0)
                { Fail(RejectionReason.InvalidValue, "readings", "[]", "readings must hold at least one reading, got []"); return null; }
            var readings = new SensorReading[e.GetArrayLength()];
            var count = 0;
            // A few sensors a message: the names seen so far on the stack, a set only for a long array.
            var sensors = new SeenSensors();
            var many = e.GetArrayLength() > SeenSensors.Length ? new HashSet<string>(StringComparer.Ordinal) : null;
            var index = 0;
            foreach (var item in e.EnumerateArray())
            {
                var paths = index < CommonReadingPaths.Length ? CommonReadingPaths[index] : new ReadingPaths(index);
                index++;
                var path = paths.Reading;
                if (!Fields(item, path, ReadingFields, out var f)) return null;
                if (!SensorName(f[0], paths.Sensor, out var sensor)) return null;
                if (!ValidSensorName(sensor))
                    { Fail(RejectionReason.InvalidValue, paths.Sensor, LogSafe.Text(sensor),
                        $"{path}.sensor must be 1-{MaxSensorNameLength} printable characters, got \"{LogSafe.Text(sensor)}\""); return null; }
                if (many?.Add(sensor) == false || many is null && ((ReadOnlySpan<string>)sensors)[..(index - 1)].Contains(sensor))
                    { Fail(RejectionReason.InvalidValue, paths.Sensor, LogSafe.Text(sensor),
                        $"{path}.sensor \"{LogSafe.Text(sensor)}\" appears twice in the message"); return null; }
                if (many is null) sensors[index - 1] = sensor;
                if (!OptionalNumber(f[1], paths.TemperatureC, out var temperature)) return null;
                if (!OptionalNumber(f[2], paths.HumidityPct, out var humidity)) return null;
                if (temperature is null && humidity is null)
                    { Fail(RejectionReason.MissingField, path + ".temperature_c",
                        null, $"{path} (sensor \"{LogSafe.Text(sensor)}\") has neither temperature_c nor humidity_pct"); return null; }
                temperature = Plausible(temperature, MinTemperatureC, MaxTemperatureC, sensor, SensorQuantity.TemperatureC, seq, deviceTime);
                humidity = Plausible(humidity, MinHumidityPct, MaxHumidityPct, sensor, SensorQuantity.HumidityPct, seq, deviceTime);
                if (temperature is not null || humidity is not null)
                    readings[count++] = new SensorReading(sensor, temperature, humidity);
            }
            // Shorter only when a reading was all sensor faults.
            if (count < readings.Length) Array.Resize(ref readings, count);
            return readings;
        }

        private double? Plausible(double? value, double min, double max, string sensor, SensorQuantity quantity, long seq, DateTimeOffset deviceTime)
        {
            if (value is not { } v || (v >= min && v <= max)) return value;
            (_faults ??= []).Add(new SensorFault(truck, sensor, quantity, v) { Seq = seq, DeviceTime = deviceTime });
            return null;
        }

        private bool ReadDoor(JsonElement? element, out bool? door)
        {
            door = null;
            if (element is not { } e || e.ValueKind == JsonValueKind.Null) return true;
            if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                door = e.GetBoolean();
                return true;
            }
            return Fail(RejectionReason.WrongType, "door_open", Raw(e), $"door_open must be true or false, got {Kind(e)} {Raw(e)}");
        }

        private bool ReadLocation(JsonElement? element, out Coordinates? location)
        {
            location = null;
            if (element is not { } e || e.ValueKind == JsonValueKind.Null) return true;
            if (!Fields(e, "location", LocationFields, out var f)) return false;
            if (!RequiredNumber(f[0], "location.lat") || !RequiredNumber(f[1], "location.lon")) return false;
            if (!f[0]!.Value.TryGetDouble(out var lat) || !double.IsFinite(lat) || Math.Abs(lat) > 90)
                return Fail(RejectionReason.InvalidValue, "location.lat", Raw(f[0]!.Value), $"location.lat must be between -90 and 90, got {Raw(f[0]!.Value)}");
            if (!f[1]!.Value.TryGetDouble(out var lon) || !double.IsFinite(lon) || Math.Abs(lon) > 180)
                return Fail(RejectionReason.InvalidValue, "location.lon", Raw(f[1]!.Value), $"location.lon must be between -180 and 180, got {Raw(f[1]!.Value)}");
            location = new Coordinates(lat, lon);
            return true;
        }

        /// <summary>A string's UTF-8 bytes as they are in the payload, without the quotes; empty when it has an escape
        /// (then only <see cref="JsonElement.GetString"/> reads it right).</summary>
        private static ReadOnlySpan<byte> RawString(JsonElement e)
        {
            var raw = JsonMarshal.GetRawUtf8Value(e);
            return raw.Length >= 2 && raw.IndexOf((byte)'\\') < 0 ? raw[1..^1] : default;
        }

        /// <summary>The form devices send (<c>2026-11-22T08:15:30Z</c>, or with 1-7 fraction digits), from the payload's
        /// bytes, without the general parser; false for anything else, which that parser then decides.</summary>
        private static bool TryParseUtc(ReadOnlySpan<byte> text, out DateTimeOffset time)
        {
            time = default;
            if (text.Length < 20 || text.Length > 28 || text.Length == 21 || text[^1] != 'Z'
                || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') return false;
            if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
                || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)) return false;
            long fraction = 0;
            if (text.Length > 20)
            {
                if (text[19] != '.' || !Digits(text, 20, text.Length - 21, out var digits)) return false;
                fraction = digits;
                for (var i = text.Length - 21; i < 7; i++) fraction *= 10;
            }
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
                return false;
            time = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction, TimeSpan.Zero);
            return true;
        }

        private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
        {
            value = 0;
            for (var i = start; i < start + count; i++)
            {
                var d = text[i] - '0';
                if (d is < 0 or > 9) return false;
                value = value * 10 + d;
            }
            return true;
        }

        private static bool HasControl(string text)
        {
            foreach (var c in text)
                if (char.IsControl(c)) return true;
            return false;
        }

        /// <summary>Requires an object and picks out the named fields (index = position in
        /// <paramref name="fields"/>), refusing a named field given twice.</summary>
        private bool Fields(JsonElement element, string path, FieldNames fields, out FoundFields found)
        {
            var names = fields.Names;
            found = default;
            if (element.ValueKind != JsonValueKind.Object)
                return Fail(RejectionReason.WrongType, path, Raw(element), $"{path} must be a JSON object, got {Kind(element)} {Raw(element)}");
            foreach (var property in element.EnumerateObject())
            {
                for (var i = 0; i < names.Length; i++)
                {
                    if (!property.NameEquals(fields.Utf8[i])) continue;
                    if (found[i] is not null)
                    {
                        var field = path == "payload" ? names[i] : $"{path}.{names[i]}";
                        return Fail(RejectionReason.DuplicateField, field, Raw(property.Value), $"{field} appears twice");
                    }
                    found[i] = property.Value;
                    break;
                }
            }
            return true;
        }

        private static bool ValidSensorName(string name) => name.Length is > 0 and <= MaxSensorNameLength && !HasControl(name);

        /// <summary>A sensor's name: one seen before is taken from <see cref="SensorNames"/> without a new string.</summary>
        private bool SensorName(JsonElement? element, string field, out string value)
        {
            if (element is { ValueKind: JsonValueKind.String } e && sensorNames.Find(RawString(e)) is { } known)
            {
                value = known;
                return true;
            }
            if (!RequiredString(element, field, out value)) return false;
            // Only a name that passes the checks below is remembered: garbage must not fill the set.
            if (ValidSensorName(value)) sensorNames.Add(value);
            return true;
        }

        private bool RequiredString(JsonElement? element, string field, out string value)
        {
            value = "";
            if (element is not { } e || e.ValueKind == JsonValueKind.Null)
                return Fail(RejectionReason.MissingField, field, null, $"{field} is missing");
            if (e.ValueKind != JsonValueKind.String)
                return Fail(RejectionReason.WrongType, field, Raw(e), $"{field} must be a string, got {Kind(e)} {Raw(e)}");
            return TryString(e, field, out value);
        }

        private bool TryString(JsonElement e, string field, out string value)
        {
            value = "";
            try
            {
                value = e.GetString() ?? "";
                return true;
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate (\ud800) is valid JSON but not valid text.
                return Fail(RejectionReason.InvalidValue, field, Raw(e), $"{field} is not valid Unicode text: {Raw(e)}");
            }
        }

        private bool RequiredNumber(JsonElement? element, string field)
        {
            if (element is not { } e || e.ValueKind == JsonValueKind.Null)
                return Fail(RejectionReason.MissingField, field, null, $"{field} is missing");
            if (e.ValueKind != JsonValueKind.Number)
                return Fail(RejectionReason.WrongType, field, Raw(e), $"{field} must be a number, got {Kind(e)} {Raw(e)}");
            return true;
        }

        private bool OptionalNumber(JsonElement? element, string field, out double? value)
        {
            value = null;
            if (element is not { } e || e.ValueKind == JsonValueKind.Null) return true;
            if (e.ValueKind != JsonValueKind.Number)
                return Fail(RejectionReason.WrongType, field, Raw(e), $"{field} must be a number, got {Kind(e)} {Raw(e)}");
            if (!e.TryGetDouble(out var v) || !double.IsFinite(v))
                return Fail(RejectionReason.InvalidValue, field, Raw(e), $"{field} is too large to be a measurement: {Raw(e)}");
            value = v;
            return true;
        }

        /// <summary>Records the first problem found; returns false so that checks can return it.</summary>
        private bool Fail(RejectionReason reason, string field, string? value, string message)
        {
            _error ??= new TelemetryRejection(reason, truck, field, value, message);
            return false;
        }

        private static string Raw(JsonElement e) => LogSafe.Text(e.GetRawText())!;

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
    }
}
