namespace Logistics.Mqtt.Protocol;

/// <summary>SUBACK (MQTT 3.1.1, section 3.9): one return code per filter of the SUBSCRIBE, in order:
/// the granted QoS 0, 1, 2, or <see cref="Failure"/>.</summary>
public sealed record SubackPacket : IMqttPacket
{
    public const byte Failure = 0x80;

    public SubackPacket(ushort packetId, IReadOnlyList<byte> returnCodes)
    {
        if (packetId == 0) throw new ArgumentOutOfRangeException(nameof(packetId), "packet identifier 0 is not allowed");
        if (returnCodes.Count == 0) throw new ArgumentException("SUBACK needs at least one return code.", nameof(returnCodes));
        foreach (var code in returnCodes)
            if (code > 2 && code != Failure) throw new ArgumentException($"SUBACK return code 0x{code:X2} is not allowed.", nameof(returnCodes));
        PacketId = packetId;
        ReturnCodes = returnCodes;
    }

    public PacketType Type => PacketType.Suback;
    public ushort PacketId { get; }
    public IReadOnlyList<byte> ReturnCodes { get; }

    public int Size => 1 + RemainingLength.SizeOf(2 + ReturnCodes.Count) + 2 + ReturnCodes.Count;

    public int WriteTo(Span<byte> destination)
    {
        var at = PacketWriter.WriteFixedHeader(destination, (byte)PacketType.Suback << 4, 2 + ReturnCodes.Count);
        at += PacketWriter.WriteUInt16(destination[at..], PacketId);
        foreach (var code in ReturnCodes) destination[at++] = code;
        return at;
    }

    public static SubackPacket Parse(FixedHeader header, ReadOnlySpan<byte> body)
    {
        var reader = new PacketSpanReader(body, PacketType.Suback);
        var packetId = reader.ReadPacketId();
        var codes = reader.ReadRest();
        if (codes.IsEmpty) throw new MqttProtocolException("SUBACK has no return code.");
        foreach (var code in codes)
            if (code > 2 && code != Failure) throw new MqttProtocolException($"SUBACK return code 0x{code:X2} is reserved [MQTT-3.9.3-2].");
        return new SubackPacket(packetId, codes.ToArray());
    }
}
