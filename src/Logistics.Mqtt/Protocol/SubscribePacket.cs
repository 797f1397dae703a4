namespace Logistics.Mqtt.Protocol;

/// <summary>SUBSCRIBE (MQTT 3.1.1, section 3.8): one or more filters, each with its requested QoS.</summary>
public sealed record SubscribePacket : IMqttPacket
{
    public SubscribePacket(ushort packetId, IReadOnlyList<MqttTopicSubscription> subscriptions)
    {
        if (packetId == 0) throw new ArgumentOutOfRangeException(nameof(packetId), "packet identifier 0 is not allowed");
        if (subscriptions.Count == 0) throw new ArgumentException("SUBSCRIBE needs at least one topic filter [MQTT-3.8.3-3].", nameof(subscriptions));
        foreach (var s in subscriptions)
        {
            MqttTopic.ValidateFilter(s.Filter, nameof(subscriptions));
            if (s.QualityOfService > MqttQualityOfService.ExactlyOnce)
                throw new ArgumentException($"QoS {(int)s.QualityOfService} for '{s.Filter}' is not 0, 1 or 2", nameof(subscriptions));
        }
        PacketId = packetId;
        Subscriptions = subscriptions;
    }

    public PacketType Type => PacketType.Subscribe;
    public ushort PacketId { get; }
    public IReadOnlyList<MqttTopicSubscription> Subscriptions { get; }

    private int BodySize
    {
        get
        {
            var size = 2;
            foreach (var s in Subscriptions) size += PacketWriter.StringSize(s.Filter) + 1;
            return size;
        }
    }

    public int Size => 1 + RemainingLength.SizeOf(BodySize) + BodySize;

    public int WriteTo(Span<byte> destination)
    {
        var at = PacketWriter.WriteFixedHeader(destination, (byte)PacketType.Subscribe << 4 | 0x02, BodySize);
        at += PacketWriter.WriteUInt16(destination[at..], PacketId);
        foreach (var s in Subscriptions)
        {
            at += PacketWriter.WriteString(destination[at..], s.Filter);
            destination[at++] = (byte)s.QualityOfService;
        }
        return at;
    }

    public static SubscribePacket Parse(FixedHeader header, ReadOnlySpan<byte> body)
    {
        var reader = new PacketSpanReader(body, PacketType.Subscribe);
        var packetId = reader.ReadPacketId();
        var subscriptions = new List<MqttTopicSubscription>();
        while (reader.Remaining > 0)
        {
            var filter = reader.ReadString("topic filter");
            if (MqttTopic.CheckFilter(filter) is { } reason) throw new MqttProtocolException($"SUBSCRIBE: {reason}.");
            var qos = reader.ReadByte();
            if (qos > 2) throw new MqttProtocolException($"SUBSCRIBE requests QoS byte 0x{qos:X2} for '{filter}'; reserved bits or QoS 3 [MQTT-3.8.3-4].");
            subscriptions.Add(new MqttTopicSubscription(filter, (MqttQualityOfService)qos));
        }
        if (subscriptions.Count == 0) throw new MqttProtocolException("SUBSCRIBE has no topic filter [MQTT-3.8.3-3].");
        return new SubscribePacket(packetId, subscriptions);
    }
}
