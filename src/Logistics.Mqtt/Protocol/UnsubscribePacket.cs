namespace Logistics.Mqtt.Protocol;

/// <summary>UNSUBSCRIBE (MQTT 3.1.1, section 3.10): one or more topic filters.</summary>
public sealed record UnsubscribePacket : IMqttPacket
{
    public UnsubscribePacket(ushort packetId, IReadOnlyList<string> filters)
    {
        if (packetId == 0) throw new ArgumentOutOfRangeException(nameof(packetId), "packet identifier 0 is not allowed");
        if (filters.Count == 0) throw new ArgumentException("UNSUBSCRIBE needs at least one topic filter [MQTT-3.10.3-2].", nameof(filters));
        foreach (var f in filters) MqttTopic.ValidateFilter(f, nameof(filters));
        PacketId = packetId;
        Filters = filters;
    }

    public PacketType Type => PacketType.Unsubscribe;
    public ushort PacketId { get; }
    public IReadOnlyList<string> Filters { get; }

    private int BodySize
    {
        get
        {
            var size = 2;
            foreach (var f in Filters) size += PacketWriter.StringSize(f);
            return size;
        }
    }

    public int Size => 1 + RemainingLength.SizeOf(BodySize) + BodySize;

    public int WriteTo(Span<byte> destination)
    {
        var at = PacketWriter.WriteFixedHeader(destination, (byte)PacketType.Unsubscribe << 4 | 0x02, BodySize);
        at += PacketWriter.WriteUInt16(destination[at..], PacketId);
        foreach (var f in Filters) at += PacketWriter.WriteString(destination[at..], f);
        return at;
    }

    public static UnsubscribePacket Parse(FixedHeader header, ReadOnlySpan<byte> body)
    {
        var reader = new PacketSpanReader(body, PacketType.Unsubscribe);
        var packetId = reader.ReadPacketId();
        var filters = new List<string>();
        while (reader.Remaining > 0)
        {
            var filter = reader.ReadString("topic filter");
            if (MqttTopic.CheckFilter(filter) is { } reason) throw new MqttProtocolException($"UNSUBSCRIBE: {reason}.");
            filters.Add(filter);
        }
        if (filters.Count == 0) throw new MqttProtocolException("UNSUBSCRIBE has no topic filter [MQTT-3.10.3-2].");
        return new UnsubscribePacket(packetId, filters);
    }
}
