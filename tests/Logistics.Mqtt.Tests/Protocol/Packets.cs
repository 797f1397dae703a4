using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Protocol;

internal static class Packets
{
    public static byte[] Encode(IMqttPacket packet)
    {
        var bytes = new byte[packet.Size];
        Assert.Equal(packet.Size, packet.WriteTo(bytes));
        return bytes;
    }

    public static IMqttPacket Decode(byte[] bytes, int maximumPacketSize = PacketDecoder.MaxPacketSize)
    {
        var packet = PacketDecoder.Decode(bytes, maximumPacketSize, out var consumed);
        Assert.NotNull(packet);
        Assert.Equal(bytes.Length, consumed);
        return packet;
    }

    /// <summary>Decodes and re-encodes, asserting the bytes survive unchanged.</summary>
    public static T RoundTrip<T>(T packet) where T : IMqttPacket
    {
        var bytes = Encode(packet);
        var decoded = Assert.IsType<T>(Decode(bytes));
        Assert.Equal(bytes, Encode(decoded));
        return decoded;
    }
}
