namespace Logistics.Mqtt.Protocol;

/// <summary>The four-byte packets that carry only a packet identifier: PUBACK, PUBREC, PUBREL,
/// PUBCOMP and UNSUBACK.</summary>
public readonly record struct AckPacket : IMqttPacket
{
    public const int PacketSize = 4;

    public AckPacket(PacketType type, ushort packetId)
    {
        if (type is not (PacketType.Puback or PacketType.Pubrec or PacketType.Pubrel or PacketType.Pubcomp or PacketType.Unsuback))
            throw new ArgumentException($"{type} is not an acknowledgement packet.", nameof(type));
        if (packetId == 0) throw new ArgumentOutOfRangeException(nameof(packetId), "packet identifier 0 is not allowed");
        Type = type;
        PacketId = packetId;
    }

    public PacketType Type { get; }
    public ushort PacketId { get; }
    public int Size => PacketSize;

    public int WriteTo(Span<byte> destination) => Write(destination, Type, PacketId);

    /// <summary>Allocation-free form for the client's acknowledgement path.</summary>
    public static int Write(Span<byte> destination, PacketType type, ushort packetId)
    {
        destination[0] = (byte)((int)type << 4 | (type == PacketType.Pubrel ? 0x02 : 0));
        destination[1] = 2;
        destination[2] = (byte)(packetId >> 8);
        destination[3] = (byte)packetId;
        return PacketSize;
    }

    public static AckPacket Parse(FixedHeader header, ReadOnlySpan<byte> body)
    {
        if (header.RemainingLength != 2)
            throw new MqttProtocolException($"{header.Type} must have remaining length 2, got {header.RemainingLength}.");
        var reader = new PacketSpanReader(body, header.Type);
        return new AckPacket(header.Type, reader.ReadPacketId());
    }
}
