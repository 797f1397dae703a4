using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Protocol;

public class ConnackPacketTests
{
    [Fact]
    public void Reads_session_present_and_the_return_code()
    {
        var connack = ConnackPacket.Parse(new byte[] { 0x20, 0x02, 0x01, 0x05 });
        Assert.True(connack.SessionPresent);
        Assert.Equal(ConnectReturnCode.NotAuthorized, connack.ReturnCode);
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0x02, 0x00, 0x00 }, "first byte")]
    [InlineData(new byte[] { 0x20, 0x03, 0x00, 0x00 }, "remaining length")]
    [InlineData(new byte[] { 0x20, 0x02, 0x02, 0x00 }, "reserved")]
    [InlineData(new byte[] { 0x20, 0x02, 0x00, 0x06 }, "return code 6")]
    [InlineData(new byte[] { 0x20, 0x02, 0x00 }, "4 bytes")]
    public void Anything_else_is_a_protocol_error_that_says_what_was_wrong(byte[] packet, string expected)
    {
        var e = Assert.Throws<MqttProtocolException>(() => ConnackPacket.Parse(packet));
        Assert.Contains(expected, e.Message);
    }
}
