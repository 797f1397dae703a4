namespace Logistics.Mqtt.Protocol;

/// <summary>A control packet that can write itself in MQTT 3.1.1 wire format.</summary>
public interface IMqttPacket
{
    PacketType Type { get; }

    /// <summary>Bytes on the wire, fixed header included.</summary>
    int Size { get; }

    /// <summary>Writes exactly <see cref="Size"/> bytes and returns that count.</summary>
    int WriteTo(Span<byte> destination);
}
