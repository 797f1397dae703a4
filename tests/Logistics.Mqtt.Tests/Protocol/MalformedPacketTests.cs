using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Protocol;

public class MalformedPacketTests
{
    private static MqttProtocolException Rejected(byte[] bytes, int maximumPacketSize = 1024) =>
        Assert.Throws<MqttProtocolException>(() => PacketDecoder.Decode(bytes, maximumPacketSize, out _));

    [Fact]
    public void A_remaining_length_over_four_bytes() =>
        Assert.Contains("4 bytes", Rejected([0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]).Message);

    [Fact]
    public void An_oversize_packet_is_refused_from_its_header_alone()
    {
        // Only the header: the size is judged before a single body byte is buffered.
        var e = Rejected([0x30, 0x80, 0x80, 0x40], maximumPacketSize: 1024 * 1024);
        Assert.Contains("exceeds the maximum packet size", e.Message);
    }

    [Fact]
    public void A_packet_at_the_maximum_size_is_accepted()
    {
        var bytes = Packets.Encode(new PublishPacket("t", new byte[100], MqttQualityOfService.AtMostOnce));
        Assert.NotNull(PacketDecoder.Decode(bytes, bytes.Length, out _));
        Assert.Throws<MqttProtocolException>(() => PacketDecoder.Decode(bytes, bytes.Length - 1, out _));
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00 }, "reserved")]
    [InlineData(new byte[] { 0xF0, 0x00 }, "reserved")]
    [InlineData(new byte[] { 0x41, 0x02, 0x00, 0x01 }, "reserved fixed-header flags")]   // PUBACK with a flag
    [InlineData(new byte[] { 0x60, 0x02, 0x00, 0x01 }, "0010")]                          // PUBREL without its 0010
    [InlineData(new byte[] { 0x80, 0x06, 0x00, 0x01, 0x00, 0x01, 0x61, 0x00 }, "0010")]  // SUBSCRIBE without its 0010
    [InlineData(new byte[] { 0xC1, 0x00 }, "reserved fixed-header flags")]
    [InlineData(new byte[] { 0x36, 0x05, 0x00, 0x01, 0x61, 0x00, 0x01 }, "QoS 3")]
    [InlineData(new byte[] { 0x38, 0x03, 0x00, 0x01, 0x61 }, "DUP")]
    public void Reserved_types_and_flag_bits(byte[] bytes, string expected) =>
        Assert.Contains(expected, Rejected(bytes).Message);

    [Theory]
    [InlineData(new byte[] { 0x30, 0x03, 0x00, 0x05, 0x61 })]             // topic length past the end
    [InlineData(new byte[] { 0x32, 0x03, 0x00, 0x01, 0x61 })]             // QoS 1 without a packet id
    [InlineData(new byte[] { 0x40, 0x01, 0x00 })]                         // PUBACK with one id byte
    [InlineData(new byte[] { 0x90, 0x02, 0x00, 0x01 })]                   // SUBACK without return codes
    [InlineData(new byte[] { 0x10, 0x04, 0x00, 0x04, 0x4D, 0x51 })]       // CONNECT cut inside "MQTT"
    public void Truncated_fields(byte[] bytes) => Rejected(bytes);

    [Fact]
    public void Every_cut_of_a_packet_that_lies_about_its_length_is_refused()
    {
        var full = Packets.Encode(new ConnectPacket("client", true, 10, "user", "pw",
            new MqttWillMessage("w/t", new byte[] { 1, 2 }, MqttQualityOfService.AtLeastOnce)));
        for (var cut = 3; cut < full.Length; cut++)
        {
            var bytes = full[..cut];
            bytes[1] = (byte)(cut - 2); // claim exactly the bytes that are there
            Assert.Throws<MqttProtocolException>(() => PacketDecoder.Decode(bytes, 1024, out _));
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]        // invalid continuation
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]  // encoded surrogate U+D800
    [InlineData(new byte[] { 0xC0, 0xAF })]        // overlong '/'
    [InlineData(new byte[] { 0x61, 0x00 })]        // U+0000
    public void An_invalid_utf8_topic(byte[] topic)
    {
        byte[] bytes = [0x30, (byte)(2 + topic.Length), 0x00, (byte)topic.Length, .. topic];
        Assert.Matches("UTF-8|U\\+0000", Rejected(bytes).Message);
    }

    [Theory]
    [InlineData("a/+")]
    [InlineData("#")]
    public void A_wildcard_in_a_published_topic(string topic)
    {
        byte[] bytes = [0x30, (byte)(2 + topic.Length), 0x00, (byte)topic.Length, .. System.Text.Encoding.ASCII.GetBytes(topic)];
        Assert.Contains("wildcard", Rejected(bytes).Message);
    }

    [Fact]
    public void Packet_identifier_zero() =>
        Assert.Contains("identifier 0", Rejected([0x40, 0x02, 0x00, 0x00]).Message);

    [Fact]
    public void Extra_bytes_after_a_fixed_size_packet() =>
        Rejected([0x40, 0x03, 0x00, 0x01, 0x00]);

    [Fact]
    public void A_body_on_pingresp() => Rejected([0xD0, 0x01, 0x00]);

    [Fact]
    public void A_suback_with_a_reserved_return_code() =>
        Assert.Contains("reserved", Rejected([0x90, 0x03, 0x00, 0x01, 0x03]).Message);

    [Fact]
    public void A_subscribe_with_a_bad_filter_or_reserved_qos_bits()
    {
        Rejected([0x82, 0x07, 0x00, 0x01, 0x00, 0x02, 0x61, 0x23, 0x01]); // "a#"
        Rejected([0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 0x61, 0x04]);       // QoS byte 4
    }

    [Fact]
    public void A_connect_with_the_reserved_flag_or_a_password_without_user()
    {
        var ok = new ConnectPacket("c", true, 0).ToBytes();
        var reserved = (byte[])ok.Clone();
        reserved[9] |= 0x01;
        Assert.Contains("reserved", Rejected(reserved).Message);
        var level = (byte[])ok.Clone();
        level[8] = 5;
        Assert.Contains("level 5", Rejected(level).Message);
    }
}
