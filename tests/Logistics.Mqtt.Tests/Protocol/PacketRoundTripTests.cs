using System.Text;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Protocol;

public class PacketRoundTripTests
{
    [Fact]
    public void Connect_with_will_credentials_and_keep_alive()
    {
        var will = new MqttWillMessage("fleet/T-001/status", "offline"u8.ToArray(), MqttQualityOfService.AtLeastOnce, Retain: true);
        var packet = Packets.RoundTrip(new ConnectPacket("T-001", CleanSession: false, 30, "T-001", "sécret", will));
        Assert.Equal(("T-001", false, (ushort)30, "T-001", "sécret"), (packet.ClientId, packet.CleanSession, packet.KeepAliveSeconds, packet.Username, packet.Password));
        Assert.NotNull(packet.Will);
        Assert.Equal("fleet/T-001/status", packet.Will.Topic);
        Assert.Equal("offline"u8.ToArray(), packet.Will.Payload.ToArray());
        Assert.Equal(MqttQualityOfService.AtLeastOnce, packet.Will.QualityOfService);
        Assert.True(packet.Will.Retain);
    }

    [Fact]
    public void Connect_will_flags_sit_where_the_standard_puts_them()
    {
        var will = new MqttWillMessage("a", new byte[] { 1 }, MqttQualityOfService.ExactlyOnce, Retain: true);
        var bytes = new ConnectPacket("c", CleanSession: true, 0, Will: will).ToBytes();
        Assert.Equal(0b0011_0110, bytes[9]); // will retain, will QoS 2, will flag, clean session
    }

    [Fact]
    public void Connect_without_optional_fields()
    {
        var packet = Packets.RoundTrip(new ConnectPacket("", CleanSession: true, 0));
        Assert.Null(packet.Username);
        Assert.Null(packet.Password);
        Assert.Null(packet.Will);
    }

    [Theory]
    [InlineData(false, ConnectReturnCode.Accepted)]
    [InlineData(true, ConnectReturnCode.Accepted)]
    [InlineData(false, ConnectReturnCode.BadUsernameOrPassword)]
    public void Connack(bool sessionPresent, ConnectReturnCode code) =>
        Assert.Equal(new ConnackPacket(sessionPresent, code), Packets.RoundTrip(new ConnackPacket(sessionPresent, code)));

    [Theory]
    [InlineData(MqttQualityOfService.AtMostOnce, false, false, 0)]
    [InlineData(MqttQualityOfService.AtLeastOnce, true, false, 1)]
    [InlineData(MqttQualityOfService.AtLeastOnce, false, true, 65535)]
    [InlineData(MqttQualityOfService.ExactlyOnce, true, true, 4242)]
    public void Publish_at_every_qos_with_flags(MqttQualityOfService qos, bool retain, bool dup, int packetId)
    {
        var payload = Encoding.UTF8.GetBytes("{\"truck\":\"T-017\",\"seq\":1842}");
        var packet = Packets.RoundTrip(new PublishPacket("fleet/T-017/telemetry", payload, qos, retain, dup, (ushort)packetId));
        Assert.Equal("fleet/T-017/telemetry", packet.Topic);
        Assert.Equal(payload, packet.Payload.ToArray());
        Assert.Equal((qos, retain, dup, (ushort)packetId), (packet.QualityOfService, packet.Retain, packet.Duplicate, packet.PacketId));
    }

    [Fact]
    public void Publish_with_a_payload_that_needs_a_three_byte_length()
    {
        var payload = new byte[200_000];
        new Random(7).NextBytes(payload);
        var bytes = Packets.Encode(new PublishPacket("t/é", payload, MqttQualityOfService.AtLeastOnce, packetId: 9));
        Assert.True(RemainingLength.TryRead(bytes.AsSpan(1), out _, out var lengthBytes));
        Assert.Equal(3, lengthBytes);
        var decoded = (PublishPacket)Packets.Decode(bytes);
        Assert.Equal("t/é", decoded.Topic);
        Assert.Equal(payload, decoded.Payload.ToArray());
    }

    [Fact]
    public void Publish_with_an_empty_payload() =>
        Assert.True(Packets.RoundTrip(new PublishPacket("a/b", ReadOnlyMemory<byte>.Empty, MqttQualityOfService.AtMostOnce)).Payload.IsEmpty);

    [Theory]
    [InlineData(PacketType.Puback)]
    [InlineData(PacketType.Pubrec)]
    [InlineData(PacketType.Pubrel)]
    [InlineData(PacketType.Pubcomp)]
    [InlineData(PacketType.Unsuback)]
    public void Acknowledgements(PacketType type)
    {
        var packet = Packets.RoundTrip(new AckPacket(type, 513));
        Assert.Equal((type, (ushort)513), (packet.Type, packet.PacketId));
        Assert.Equal(type == PacketType.Pubrel ? 0x62 : (int)type << 4, Packets.Encode(packet)[0]);
    }

    [Fact]
    public void Subscribe_with_several_filters_and_their_qos()
    {
        MqttTopicSubscription[] filters =
        [
            new("fleet/+/telemetry", MqttQualityOfService.AtLeastOnce),
            new("fleet/T-001/#", MqttQualityOfService.ExactlyOnce),
            new("#", MqttQualityOfService.AtMostOnce),
        ];
        var packet = Packets.RoundTrip(new SubscribePacket(77, filters));
        Assert.Equal(77, packet.PacketId);
        Assert.Equal(filters, packet.Subscriptions);
        Assert.Equal(0x82, Packets.Encode(packet)[0]);
    }

    [Fact]
    public void Suback_with_granted_qos_and_a_failure()
    {
        var packet = Packets.RoundTrip(new SubackPacket(77, [0, 1, 2, SubackPacket.Failure]));
        Assert.Equal(new byte[] { 0, 1, 2, 0x80 }, packet.ReturnCodes);
    }

    [Fact]
    public void Unsubscribe_with_several_filters()
    {
        var packet = Packets.RoundTrip(new UnsubscribePacket(3, ["a/+", "b/#"]));
        Assert.Equal(["a/+", "b/#"], packet.Filters);
        Assert.Equal(0xA2, Packets.Encode(packet)[0]);
    }

    [Theory]
    [InlineData(PacketType.Pingreq, 0xC0)]
    [InlineData(PacketType.Pingresp, 0xD0)]
    [InlineData(PacketType.Disconnect, 0xE0)]
    public void Packets_without_a_body(PacketType type, int firstByte)
    {
        var packet = Packets.RoundTrip(new EmptyPacket(type));
        Assert.Equal(type, packet.Type);
        Assert.Equal(new byte[] { (byte)firstByte, 0 }, Packets.Encode(packet));
    }

    [Fact]
    public void A_partial_packet_asks_for_more_bytes_and_two_packets_decode_one_after_the_other()
    {
        var one = Packets.Encode(new PublishPacket("a", "x"u8.ToArray(), MqttQualityOfService.AtLeastOnce, packetId: 1));
        var two = Packets.Encode(new AckPacket(PacketType.Puback, 2));
        byte[] both = [.. one, .. two];
        for (var cut = 0; cut < one.Length; cut++)
        {
            Assert.Null(PacketDecoder.Decode(both.AsSpan(0, cut), 1024, out var none));
            Assert.Equal(0, none);
        }
        Assert.IsType<PublishPacket>(PacketDecoder.Decode(both, 1024, out var consumed));
        Assert.Equal(new AckPacket(PacketType.Puback, 2), PacketDecoder.Decode(both.AsSpan(consumed), 1024, out _));
    }
}
