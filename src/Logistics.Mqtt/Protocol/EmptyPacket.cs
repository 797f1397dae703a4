namespace Logistics.Mqtt.Protocol;

/// <summary>PINGREQ, PINGRESP and DISCONNECT: a fixed header with remaining length 0.</summary>
public readonly record struct EmptyPacket : IMqttPacket
{
    public EmptyPacket(PacketType type)
    {
        if (type is not (PacketType.Pingreq or PacketType.Pingresp or PacketType.Disconnect))
            throw new ArgumentException($"{type} is not a packet without a body.", nameof(type));
        Type = type;
    }

    public static EmptyPacket Pingreq => new(PacketType.Pingreq);
    public static EmptyPacket Pingresp => new(PacketType.Pingresp);
    public static EmptyPacket Disconnect => new(PacketType.Disconnect);

    public PacketType Type { get; }
    public int Size => 2;

    public int WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)((int)Type << 4);
        destination[1] = 0;
        return 2;
    }

    public static EmptyPacket Parse(FixedHeader header) =>
        header.RemainingLength == 0
            ? new EmptyPacket(header.Type)
            : throw new MqttProtocolException($"{header.Type} must have remaining length 0, got {header.RemainingLength}.");
}
