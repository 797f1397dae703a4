using System.Text;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Tests.Readings;

public class StatusParserTests
{
    private static StatusParseResult Parse(string payload, string topic = "fleet/T-017/status") =>
        new TelemetryParser().ParseStatus(topic, Encoding.UTF8.GetBytes(payload));

    [Theory]
    [InlineData("online", DeviceStatus.Online)]
    [InlineData("  ONLINE\r\n", DeviceStatus.Online)]
    [InlineData("offline", DeviceStatus.Offline)]
    [InlineData("\tOffLine ", DeviceStatus.Offline)]
    public void Online_and_offline_are_read_whatever_the_case_and_whitespace(string payload, DeviceStatus expected)
    {
        var result = Parse(payload);
        Assert.True(result.IsAccepted);
        Assert.Equal(expected, result.Status);
        Assert.Equal("T-017", result.Truck);
    }

    [Theory]
    [InlineData("")]
    [InlineData("on line")]
    [InlineData("\"online\"")]
    [InlineData("1")]
    public void Anything_else_is_invalid_value_naming_the_status(string payload)
    {
        var result = Parse(payload);
        Assert.False(result.IsAccepted);
        Assert.Equal(("invalid_value", "status", payload), (result.Rejection.Code, result.Rejection.Field, result.Rejection.Value));
        Assert.Equal("T-017", result.Rejection.Truck);
    }

    [Fact]
    public void A_telemetry_topic_is_invalid_topic_for_status()
    {
        Assert.Equal("invalid_topic", Parse("online", "fleet/T-017/telemetry").Rejection!.Code);
    }

    [Fact]
    public void Status_payloads_are_capped_too()
    {
        var result = new TelemetryParser(new TelemetryValidationOptions { MaxPayloadBytes = 16 })
            .ParseStatus("fleet/T-017/status", Encoding.UTF8.GetBytes("online" + new string(' ', 20)));
        Assert.Equal("payload_too_large", result.Rejection!.Code);
    }
}
