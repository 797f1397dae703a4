namespace Logistics.Mqtt.Protocol;

/// <summary>Decodes any MQTT 3.1.1 control packet from a buffer. Stateless and thread-safe. The
/// client's receive path uses <see cref="FixedHeader"/> and the per-type parsers directly, to avoid
/// boxing; this entry point serves tests, tools and fake peers.</summary>
public static class PacketDecoder
{
    /// <summary>The largest packet the standard allows: a 4-byte remaining length plus its header.</summary>
    public const int MaxPacketSize = 1 + 4 + RemainingLength.Max;

    /// <summary>Decodes the packet at the start of <paramref name="buffer"/>; null when the buffer
    /// holds only part of it (then <paramref name="consumed"/> is 0).</summary>
    /// <exception cref="MqttProtocolException">The bytes are not a valid packet, or it is larger than
    /// <paramref name="maximumPacketSize"/>.</exception>
    public static IMqttPacket? Decode(ReadOnlySpan<byte> buffer, int maximumPacketSize, out int consumed)
    {
        consumed = 0;
        if (!FixedHeader.TryRead(buffer, maximumPacketSize, out var header) || buffer.Length < header.PacketLength)
            return null;
        var body = buffer.Slice(header.HeaderLength, header.RemainingLength);
        IMqttPacket packet = header.Type switch
        {
            PacketType.Connect => ConnectPacket.Parse(header, body),
            PacketType.Connack => ConnackPacket.Parse(buffer[..header.PacketLength]),
            PacketType.Publish => PublishPacket.Parse(header, body),
            PacketType.Puback or PacketType.Pubrec or PacketType.Pubrel or PacketType.Pubcomp or PacketType.Unsuback
                => AckPacket.Parse(header, body),
            PacketType.Subscribe => SubscribePacket.Parse(header, body),
            PacketType.Suback => SubackPacket.Parse(header, body),
            PacketType.Unsubscribe => UnsubscribePacket.Parse(header, body),
            _ => EmptyPacket.Parse(header),
        };
        consumed = header.PacketLength;
        return packet;
    }
}
