using System.Text;

namespace Logistics.Mqtt.Protocol;

/// <summary>CONNECT (MQTT 3.1.1, section 3.1). Will messages arrive with the full client.</summary>
public sealed record ConnectPacket(string ClientId, bool CleanSession, ushort KeepAliveSeconds,
    string? Username = null, string? Password = null)
{
    private const byte ProtocolLevel = 4;

    public byte[] ToBytes()
    {
        var clientId = Encoding.UTF8.GetBytes(ClientId);
        var user = Username is null ? null : Encoding.UTF8.GetBytes(Username);
        var password = Password is null ? null : Encoding.UTF8.GetBytes(Password);
        if (password is not null && user is null)
            throw new ArgumentException("MQTT 3.1.1 allows a password only together with a user name.", nameof(Password));

        // Variable header: "MQTT", level, flags, keep-alive = 10 bytes.
        var remaining = 10 + 2 + clientId.Length + (user is null ? 0 : 2 + user.Length) + (password is null ? 0 : 2 + password.Length);
        var packet = new byte[1 + RemainingLength.SizeOf(remaining) + remaining];
        var span = packet.AsSpan();
        span[0] = (byte)PacketType.Connect << 4;
        var at = 1 + RemainingLength.Write(remaining, span[1..]);
        at += WriteString(span[at..], "MQTT"u8);
        span[at++] = ProtocolLevel;
        byte flags = 0;
        if (CleanSession) flags |= 0x02;
        if (password is not null) flags |= 0x40;
        if (user is not null) flags |= 0x80;
        span[at++] = flags;
        span[at++] = (byte)(KeepAliveSeconds >> 8);
        span[at++] = (byte)KeepAliveSeconds;
        at += WriteString(span[at..], clientId);
        if (user is not null) at += WriteString(span[at..], user);
        if (password is not null) WriteString(span[at..], password);
        return packet;
    }

    private static int WriteString(Span<byte> destination, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > ushort.MaxValue)
            throw new ArgumentException($"An MQTT string holds at most {ushort.MaxValue} bytes, got {utf8.Length}.");
        destination[0] = (byte)(utf8.Length >> 8);
        destination[1] = (byte)utf8.Length;
        utf8.CopyTo(destination[2..]);
        return 2 + utf8.Length;
    }
}
