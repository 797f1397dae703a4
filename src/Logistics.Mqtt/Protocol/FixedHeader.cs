namespace Logistics.Mqtt.Protocol;

/// <summary>The first 2 to 5 bytes of every packet (section 2.2): type, flags, remaining length.</summary>
public readonly record struct FixedHeader(PacketType Type, byte Flags, int RemainingLength, int HeaderLength)
{
    public int PacketLength => HeaderLength + RemainingLength;

    /// <summary>Reads a fixed header from the start of <paramref name="source"/>; false when more
    /// bytes are needed. The type and flags are checked as soon as the first byte is there, and the
    /// size as soon as the length is, so a hostile peer is turned away before anything is buffered.</summary>
    /// <exception cref="MqttProtocolException">Reserved type or flags, a length over 4 bytes, or a
    /// packet larger than <paramref name="maximumPacketSize"/>.</exception>
    public static bool TryRead(ReadOnlySpan<byte> source, int maximumPacketSize, out FixedHeader header)
    {
        header = default;
        if (source.IsEmpty) return false;
        var type = (PacketType)(source[0] >> 4);
        var flags = (byte)(source[0] & 0x0F);
        ValidateFlags(type, flags);
        if (!Protocol.RemainingLength.TryRead(source[1..], out var length, out var lengthBytes)) return false;
        var total = 1L + lengthBytes + length;
        if (total > maximumPacketSize)
            throw new MqttProtocolException($"{type} of {total} bytes exceeds the maximum packet size of {maximumPacketSize} bytes.");
        header = new FixedHeader(type, flags, length, 1 + lengthBytes);
        return true;
    }

    private static void ValidateFlags(PacketType type, byte flags)
    {
        switch (type)
        {
            case < PacketType.Connect or > PacketType.Disconnect:
                throw new MqttProtocolException($"Packet type {(int)type} is reserved (first byte 0x{(int)type << 4 | flags:X2}).");
            case PacketType.Publish:
                var qos = (flags >> 1) & 3;
                if (qos == 3)
                    throw new MqttProtocolException("PUBLISH has QoS 3, which is reserved.");
                if (qos == 0 && (flags & 0x08) != 0)
                    throw new MqttProtocolException("PUBLISH at QoS 0 has the DUP flag set [MQTT-3.3.1-2].");
                return;
            case PacketType.Pubrel or PacketType.Subscribe or PacketType.Unsubscribe:
                if (flags != 0x02)
                    throw new MqttProtocolException($"{type} must have fixed-header flags 0010, got {Convert.ToString(flags, 2).PadLeft(4, '0')}.");
                return;
            default:
                if (flags != 0)
                    throw new MqttProtocolException($"{type} has reserved fixed-header flags set: {Convert.ToString(flags, 2).PadLeft(4, '0')}.");
                return;
        }
    }
}
