namespace Logistics.Mqtt.Protocol;

/// <summary>PUBLISH (MQTT 3.1.1, section 3.3). The payload is referenced, not copied, when writing.</summary>
public readonly struct PublishPacket : IMqttPacket
{
    private const byte DupFlag = 0x08, RetainFlag = 0x01;

    /// <exception cref="ArgumentException">Invalid topic name, QoS, or a packet id that does not
    /// fit the QoS (0 at QoS 0, non-zero otherwise), or DUP at QoS 0.</exception>
    public PublishPacket(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qualityOfService,
        bool retain = false, bool duplicate = false, ushort packetId = 0)
    {
        MqttTopic.ValidateName(topic);
        if (qualityOfService > MqttQualityOfService.ExactlyOnce)
            throw new ArgumentOutOfRangeException(nameof(qualityOfService), qualityOfService, "QoS must be 0, 1 or 2");
        if ((qualityOfService == MqttQualityOfService.AtMostOnce) != (packetId == 0))
            throw new ArgumentException($"QoS {(int)qualityOfService} with packet id {packetId}: QoS 0 has none, QoS 1 and 2 need one", nameof(packetId));
        if (duplicate && qualityOfService == MqttQualityOfService.AtMostOnce)
            throw new ArgumentException("DUP must be 0 at QoS 0 [MQTT-3.3.1-2]", nameof(duplicate));
        Topic = topic;
        Payload = payload;
        QualityOfService = qualityOfService;
        Retain = retain;
        Duplicate = duplicate;
        PacketId = packetId;
    }

    public PacketType Type => PacketType.Publish;
    public string Topic { get; }
    public ReadOnlyMemory<byte> Payload { get; }
    public MqttQualityOfService QualityOfService { get; }
    public bool Retain { get; }
    public bool Duplicate { get; }
    public ushort PacketId { get; }

    private int BodySize => PacketWriter.StringSize(Topic) + (QualityOfService > 0 ? 2 : 0) + Payload.Length;

    public int Size => 1 + RemainingLength.SizeOf(BodySize) + BodySize;

    public int WriteTo(Span<byte> destination)
    {
        var first = (byte)((byte)PacketType.Publish << 4 | (int)QualityOfService << 1);
        if (Duplicate) first |= DupFlag;
        if (Retain) first |= RetainFlag;
        var at = PacketWriter.WriteFixedHeader(destination, first, BodySize);
        at += PacketWriter.WriteString(destination[at..], Topic);
        if (QualityOfService > 0) at += PacketWriter.WriteUInt16(destination[at..], PacketId);
        Payload.Span.CopyTo(destination[at..]);
        return at + Payload.Length;
    }

    /// <summary>Sets DUP in an encoded PUBLISH, for retransmission of the same bytes (section 4.4).</summary>
    public static void MarkDuplicate(Span<byte> encoded) => encoded[0] |= DupFlag;

    /// <exception cref="MqttProtocolException">Not a well-formed PUBLISH.</exception>
    public static PublishPacket Parse(FixedHeader header, ReadOnlySpan<byte> body) => Parse(header, body, null);

    internal static PublishPacket Parse(FixedHeader header, ReadOnlySpan<byte> body, Internal.TopicNameCache? topics)
    {
        var reader = new PacketSpanReader(body, PacketType.Publish);
        var topicBytes = reader.ReadUtf8("topic name");
        if (topicBytes.IsEmpty)
            throw new MqttProtocolException("PUBLISH topic name is empty.");
        if (topicBytes.IndexOfAny((byte)'+', (byte)'#') >= 0)
            throw new MqttProtocolException("PUBLISH topic name contains a wildcard [MQTT-3.3.2-2].");
        var qos = (MqttQualityOfService)((header.Flags >> 1) & 3);
        var packetId = qos > 0 ? reader.ReadPacketId() : (ushort)0;
        var topic = topics is null ? PacketWriter.Utf8.GetString(topicBytes) : topics.Get(topicBytes);
        var payload = reader.ReadRest();
        return new PublishPacket(topic, payload.IsEmpty ? ReadOnlyMemory<byte>.Empty : payload.ToArray(), qos,
            (header.Flags & RetainFlag) != 0, (header.Flags & DupFlag) != 0, packetId, trusted: true);
    }

    // Fields already validated by the parser; skips the second pass over the topic.
    private PublishPacket(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos, bool retain, bool duplicate, ushort packetId, bool trusted)
    {
        _ = trusted;
        Topic = topic;
        Payload = payload;
        QualityOfService = qos;
        Retain = retain;
        Duplicate = duplicate;
        PacketId = packetId;
    }
}
