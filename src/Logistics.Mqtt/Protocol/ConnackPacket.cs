namespace Logistics.Mqtt.Protocol;

/// <summary>CONNACK (MQTT 3.1.1, section 3.2): always exactly 4 bytes on the wire.</summary>
public readonly record struct ConnackPacket(bool SessionPresent, ConnectReturnCode ReturnCode) : IMqttPacket
{
    public const int Size = 4;

    public PacketType Type => PacketType.Connack;
    int IMqttPacket.Size => Size;

    public int WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)PacketType.Connack << 4;
        destination[1] = 2;
        destination[2] = SessionPresent ? (byte)1 : (byte)0;
        destination[3] = (byte)ReturnCode;
        return Size;
    }

    /// <param name="packet">The whole packet, fixed header included.</param>
    public static ConnackPacket Parse(ReadOnlySpan<byte> packet)
    {
        if (packet.Length != Size)
            throw new MqttProtocolException($"CONNACK must be {Size} bytes, got {packet.Length}.");
        if (packet[0] != (byte)PacketType.Connack << 4)
            throw new MqttProtocolException($"Expected CONNACK (0x20), got first byte 0x{packet[0]:X2}.");
        if (packet[1] != 2)
            throw new MqttProtocolException($"CONNACK remaining length must be 2, got {packet[1]}.");
        if ((packet[2] & 0xFE) != 0)
            throw new MqttProtocolException($"CONNACK acknowledge flags 0x{packet[2]:X2} have reserved bits set.");
        if (packet[3] > (byte)ConnectReturnCode.NotAuthorized)
            throw new MqttProtocolException($"CONNACK return code {packet[3]} is not defined by MQTT 3.1.1.");
        return new ConnackPacket((packet[2] & 1) == 1, (ConnectReturnCode)packet[3]);
    }
}
