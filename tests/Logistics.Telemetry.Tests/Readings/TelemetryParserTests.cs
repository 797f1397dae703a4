using System.Text;
using Logistics.Core;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Tests.Readings;

public class TelemetryParserTests
{
    private const string Topic = "fleet/T-017/telemetry";
    private static readonly DateTimeOffset Received = new(2026, 11, 22, 8, 16, 0, TimeSpan.Zero);

    private const string Valid =
        """{"truck":"T-017","seq":1842,"ts":"2026-11-22T08:15:30Z","readings":[{"sensor":"front","temperature_c":21.4,"humidity_pct":58.2},{"sensor":"rear","temperature_c":22.0,"humidity_pct":60.1}],"door_open":false,"location":{"lat":22.8170,"lon":108.3665}}""";

    private static TelemetryParseResult Parse(string payload, string topic = Topic, TelemetryValidationOptions? options = null) =>
        new TelemetryParser(options).ParseTelemetry(topic, Encoding.UTF8.GetBytes(payload), Received);

    private static TelemetryRejection Refused(string payload, string topic = Topic, TelemetryValidationOptions? options = null)
    {
        var result = Parse(payload, topic, options);
        Assert.False(result.IsAccepted, $"expected a rejection of {payload}");
        return result.Rejection;
    }

    [Fact]
    public void The_contract_example_is_accepted_with_every_field()
    {
        var result = Parse(Valid);
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        var m = result.Message;
        Assert.Equal("T-017", m.Truck);
        Assert.Equal(1842, m.Seq);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 15, 30, TimeSpan.Zero), m.DeviceTime);
        Assert.Equal([new SensorReading("front", 21.4, 58.2), new SensorReading("rear", 22.0, 60.1)], m.Readings);
        Assert.False(m.DoorOpen);
        Assert.Equal(22.8170, m.Location!.Latitude);
        Assert.Equal(108.3665, m.Location.Longitude);
        Assert.Empty(result.Faults);
    }

    [Fact]
    public void Optional_fields_may_be_absent_and_a_reading_may_carry_one_quantity()
    {
        var result = Parse("""{"truck":"T-017","seq":0,"ts":1795335330000,"readings":[{"sensor":"s","humidity_pct":40}],"unknown_field":[1,2]}""");
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795335330000), result.Message.DeviceTime);
        Assert.Equal(new SensorReading("s", null, 40), Assert.Single(result.Message.Readings));
        Assert.Null(result.Message.DoorOpen);
        Assert.Null(result.Message.Location);
    }

    [Fact]
    public void An_iso_timestamp_with_an_offset_is_converted_to_utc()
    {
        var result = Parse(Valid.Replace("2026-11-22T08:15:30Z", "2026-11-22T16:15:30.250+08:00"));
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 15, 30, 250, TimeSpan.Zero), result.Message.DeviceTime);
        Assert.Equal(TimeSpan.Zero, result.Message.DeviceTime.Offset);
    }

    [Theory]
    [InlineData("2026-11-22T08:15:30Z")]
    [InlineData("2026-11-22T08:15:30.5Z")]
    [InlineData("2026-11-22T08:15:30.1234567Z")]
    [InlineData("2024-02-29T23:59:59.0000001Z")]
    [InlineData("2026-02-29T08:15:30Z")]
    [InlineData("2026-11-22T24:00:00Z")]
    [InlineData("2026-11-22T08:15:60Z")]
    [InlineData("2026-11-22T08:15:30.Z")]
    [InlineData("2026-11-22T08:15:30.12345678Z")]
    [InlineData("2026-11-22t08:15:30Z")]
    [InlineData("2026-1a-22T08:15:30Z")]
    [InlineData("2026-11-22T08:15:30z")]
    public void A_utc_timestamp_is_read_as_the_general_iso_parser_reads_it(string ts)
    {
        var expected = DateTimeOffset.TryParseExact(ts,
            ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"],
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var time)
            ? time.ToUniversalTime() : (DateTimeOffset?)null;
        var result = new TelemetryParser().ParseTelemetry(Topic, Encoding.UTF8.GetBytes(Valid.Replace("2026-11-22T08:15:30Z", ts)), DateTimeOffset.MaxValue.AddDays(-1));
        Assert.Equal(expected, result.Message?.DeviceTime);
        if (expected is null) Assert.Equal("ts", result.Rejection!.Field);
    }

    [Theory]
    [InlineData("fleet/T-017/telemetry/extra")]
    [InlineData("fleet//telemetry")]
    [InlineData("fleet/T 017/telemetry")]
    [InlineData("fleet/T-017/alerts")]
    [InlineData("Fleet/T-017/telemetry")]
    [InlineData("fleet/T-017/status")]
    [InlineData("")]
    public void A_topic_outside_the_contract_is_invalid_topic(string topic)
    {
        var r = Refused(Valid, topic);
        Assert.Equal("invalid_topic", r.Code);
        Assert.Equal("topic", r.Field);
        Assert.Equal(topic, r.Value);
        Assert.Null(r.Truck);
    }

    [Fact]
    public void A_truck_id_longer_than_64_characters_is_invalid_topic()
    {
        var truck = new string('a', 65);
        Assert.Equal("invalid_topic", Refused(Valid, $"fleet/{truck}/telemetry").Code);
        Assert.True(FleetTopics.TryParse($"fleet/{truck[..64]}/telemetry", out var ok));
        Assert.Equal(truck[..64], ok.Truck);
    }

    [Fact]
    public void A_null_topic_is_invalid_topic()
    {
        var result = new TelemetryParser().ParseTelemetry(null, Encoding.UTF8.GetBytes(Valid), Received);
        Assert.Equal(RejectionReason.InvalidTopic, result.Rejection!.Reason);
    }

    [Fact]
    public void A_truck_outside_the_configured_fleet_is_unknown_truck()
    {
        var options = new TelemetryValidationOptions { Fleet = new HashSet<string> { "T-001" } };
        var r = Refused(Valid, options: options);
        Assert.Equal("unknown_truck", r.Code);
        Assert.Equal("T-017", r.Value);
        Assert.True(Parse(Valid, options: new TelemetryValidationOptions { Fleet = new HashSet<string> { "T-017" } }).IsAccepted);
    }

    [Fact]
    public void A_payload_over_the_cap_is_refused_before_parsing()
    {
        // Not JSON at all: only the size is looked at.
        var r = new TelemetryParser(new TelemetryValidationOptions { MaxPayloadBytes = 100 })
            .ParseTelemetry(Topic, new byte[101], Received).Rejection!;
        Assert.Equal("payload_too_large", r.Code);
        Assert.Equal("101", r.Value);
        Assert.Contains("100", r.Message);
    }

    [Fact]
    public void The_default_cap_is_64_KiB()
    {
        Assert.Equal(65536, new TelemetryValidationOptions().MaxPayloadBytes);
        var padded = Valid[..^1] + ",\"pad\":\"" + new string('x', 65536) + "\"}";
        Assert.Equal("payload_too_large", Refused(padded).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"truck\":\"T-017\",}")]
    [InlineData("{} {}")]
    public void Text_that_is_not_json_is_not_json(string payload)
    {
        var r = Refused(payload);
        Assert.Equal("not_json", r.Code);
        Assert.Equal("payload", r.Field);
        Assert.Equal("T-017", r.Truck);
    }

    [Fact]
    public void Invalid_utf8_is_not_json()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid);
        bytes[10] = 0xFF;
        var r = new TelemetryParser().ParseTelemetry(Topic, bytes, Received).Rejection!;
        Assert.Equal("not_json", r.Code);
        Assert.Contains("UTF-8", r.Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_not_json()
    {
        var deep = new string('[', 100) + new string(']', 100);
        Assert.Equal("not_json", Refused($"{{\"truck\":\"T-017\",\"x\":{deep}}}").Code);
    }

    [Theory]
    [InlineData("truck")]
    [InlineData("seq")]
    [InlineData("ts")]
    [InlineData("readings")]
    public void A_required_field_that_is_absent_is_missing_field(string field)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Valid)!.AsObject();
        json.Remove(field);
        var r = Refused(json.ToJsonString());
        Assert.Equal("missing_field", r.Code);
        Assert.Equal(field, r.Field);
        Assert.Contains(field, r.Message);
    }

    [Fact]
    public void A_reading_without_any_quantity_is_missing_field()
    {
        var r = Refused(Valid.Replace("""{"sensor":"rear","temperature_c":22.0,"humidity_pct":60.1}""", """{"sensor":"rear","temperature_c":null}"""));
        Assert.Equal("missing_field", r.Code);
        Assert.Equal("readings[1].temperature_c", r.Field);
        Assert.Contains("rear", r.Message);
    }

    [Theory]
    [InlineData("\"truck\":\"T-017\"", "\"truck\":17", "truck", "17")]
    [InlineData("\"seq\":1842", "\"seq\":\"1842\"", "seq", "\"1842\"")]
    [InlineData("\"ts\":\"2026-11-22T08:15:30Z\"", "\"ts\":true", "ts", "true")]
    [InlineData("\"door_open\":false", "\"door_open\":\"no\"", "door_open", "\"no\"")]
    [InlineData("\"temperature_c\":21.4", "\"temperature_c\":\"21.4\"", "readings[0].temperature_c", "\"21.4\"")]
    [InlineData("\"humidity_pct\":60.1", "\"humidity_pct\":[60.1]", "readings[1].humidity_pct", "[60.1]")]
    [InlineData("\"sensor\":\"front\"", "\"sensor\":1", "readings[0].sensor", "1")]
    [InlineData("\"lat\":22.8170", "\"lat\":\"22.8\"", "location.lat", "\"22.8\"")]
    [InlineData("\"location\":{\"lat\":22.8170,\"lon\":108.3665}", "\"location\":[22.8,108.3]", "location", "[22.8,108.3]")]
    public void A_field_of_the_wrong_json_type_is_wrong_type(string original, string replacement, string field, string value)
    {
        var r = Refused(Valid.Replace(original, replacement));
        Assert.Equal("wrong_type", r.Code);
        Assert.Equal(field, r.Field);
        Assert.Equal(value, r.Value);
        Assert.Contains(field, r.Message);
        Assert.Contains(value, r.Message);
    }

    [Fact]
    public void Readings_that_are_not_an_array_and_a_payload_that_is_not_an_object_are_wrong_type()
    {
        Assert.Equal(("wrong_type", "readings"), Code(Refused(Valid.Replace("\"readings\":[", "\"readings\":{\"a\":[").Replace("}],\"door", "}]},\"door"))));
        Assert.Equal(("wrong_type", "payload"), Code(Refused("[1,2,3]")));
        Assert.Equal(("wrong_type", "readings[0]"), Code(Refused(Valid.Replace("""{"sensor":"front","temperature_c":21.4,"humidity_pct":58.2}""", "42"))));
    }

    private static (string, string) Code(TelemetryRejection r) => (r.Code, r.Field);

    [Theory]
    [InlineData("\"seq\":1842", "\"seq\":-1", "seq")]
    [InlineData("\"seq\":1842", "\"seq\":1.5", "seq")]
    [InlineData("\"seq\":1842", "\"seq\":99999999999999999999", "seq")]
    [InlineData("\"ts\":\"2026-11-22T08:15:30Z\"", "\"ts\":\"2026-11-22T08:15:30\"", "ts")]
    [InlineData("\"ts\":\"2026-11-22T08:15:30Z\"", "\"ts\":\"22/11/2026\"", "ts")]
    [InlineData("\"ts\":\"2026-11-22T08:15:30Z\"", "\"ts\":1.5", "ts")]
    [InlineData("\"ts\":\"2026-11-22T08:15:30Z\"", "\"ts\":9999999999999999", "ts")]
    [InlineData("\"lat\":22.8170", "\"lat\":91", "location.lat")]
    [InlineData("\"lon\":108.3665", "\"lon\":-180.5", "location.lon")]
    [InlineData("\"sensor\":\"front\"", "\"sensor\":\"\"", "readings[0].sensor")]
    [InlineData("\"sensor\":\"rear\"", "\"sensor\":\"front\"", "readings[1].sensor")]
    [InlineData("\"temperature_c\":21.4", "\"temperature_c\":1e400", "readings[0].temperature_c")]
    public void A_value_the_contract_does_not_allow_is_invalid_value(string original, string replacement, string field)
    {
        var r = Refused(Valid.Replace(original, replacement));
        Assert.Equal("invalid_value", r.Code);
        Assert.Equal(field, r.Field);
        Assert.NotNull(r.Value);
        Assert.Contains(field, r.Message);
    }

    [Fact]
    public void Empty_readings_are_invalid_value()
    {
        var r = Refused("""{"truck":"T-017","seq":1,"ts":"2026-11-22T08:15:30Z","readings":[]}""");
        Assert.Equal(("invalid_value", "readings", "[]"), (r.Code, r.Field, r.Value));
    }

    [Fact]
    public void A_field_given_twice_is_duplicate_field()
    {
        var r = Refused(Valid.Replace("\"seq\":1842", "\"seq\":1842,\"seq\":1843"));
        Assert.Equal(("duplicate_field", "seq", "1843"), (r.Code, r.Field, r.Value));
        Assert.Equal("readings[0].temperature_c", Refused(Valid.Replace("\"temperature_c\":21.4", "\"temperature_c\":21.4,\"temperature_c\":5")).Field);
    }

    [Fact]
    public void A_payload_truck_other_than_the_topics_is_truck_mismatch()
    {
        var r = Refused(Valid.Replace("\"truck\":\"T-017\"", "\"truck\":\"T-018\""));
        Assert.Equal(("truck_mismatch", "truck", "T-018", "T-017"), (r.Code, r.Field, r.Value, r.Truck));
        Assert.Contains("T-017", r.Message);
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_ahead_is_future_timestamp_and_five_minutes_is_not()
    {
        var atLimit = Received.AddMinutes(5).ToUnixTimeMilliseconds();
        Assert.True(Parse(Valid.Replace("\"2026-11-22T08:15:30Z\"", atLimit.ToString())).IsAccepted);
        var r = Refused(Valid.Replace("\"2026-11-22T08:15:30Z\"", (atLimit + 1).ToString()));
        Assert.Equal(("future_timestamp", "ts"), (r.Code, r.Field));
        Assert.Equal("2026-11-22T08:21:00.001Z", r.Value);
        Assert.True(Parse(Valid.Replace("2026-11-22T08:15:30Z", "2020-01-01T00:00:00Z")).IsAccepted, "old timestamps are accepted");
    }

    [Fact]
    public void The_clock_tolerance_is_configurable()
    {
        var options = new TelemetryValidationOptions { MaxClockAhead = TimeSpan.Zero };
        Assert.Equal("future_timestamp", Refused(Valid.Replace("08:15:30Z", "08:16:01Z"), options: options).Code);
    }

    [Fact]
    public void Every_reason_has_a_distinct_snake_case_code()
    {
        var codes = Enum.GetValues<RejectionReason>().Select(r => r.Code()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+(_[a-z]+)*$", c));
        Assert.DoesNotContain("unknown", codes);
    }

    [Fact]
    public void An_offending_value_is_truncated_and_escaped_for_logs()
    {
        var hostile = "T-018\r\n2026-01-01 INFO forged line" + new string('x', 500);
        var r = Refused(Valid.Replace("\"truck\":\"T-017\"", $"\"truck\":\"{hostile.Replace("\r", "\\r").Replace("\n", "\\n")}\""));
        Assert.Equal("truck_mismatch", r.Code);
        Assert.DoesNotContain('\n', r.Value!);
        Assert.DoesNotContain('\r', r.Value!);
        Assert.DoesNotContain('\n', r.Message);
        Assert.StartsWith("T-018\\u000d\\u000a2026", r.Value);
        Assert.True(r.Value!.Length < 100, r.Value);
        Assert.EndsWith($"…({hostile.Length} chars)", r.Value);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_string_is_invalid_value_not_an_exception()
    {
        var r = Refused(Valid.Replace("\"sensor\":\"front\"", "\"sensor\":\"\\ud800\""));
        Assert.Equal(("invalid_value", "readings[0].sensor"), (r.Code, r.Field));
    }
}
