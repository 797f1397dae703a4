using System.Text;

namespace Logistics.Mqtt.Protocol;

/// <summary>CONNECT (MQTT 3.1.1, section 3.1). Immutable.</summary>
public sealed record ConnectPacket(string ClientId, bool CleanSession, ushort KeepAliveSeconds,
    string? Username = null, string? Password = null, MqttWillMessage? Will = null) : IMqttPacket
{
    private const byte ProtocolLevel = 4;
    private const byte UsernameFlag = 0x80, PasswordFlag = 0x40, WillRetainFlag = 0x20, WillFlag = 0x04, CleanSessionFlag = 0x02;

    public PacketType Type => PacketType.Connect;

    public int Size => 1 + RemainingLength.SizeOf(BodySize()) + BodySize();

    public byte[] ToBytes()
    {
        var packet = new byte[Size];
        WriteTo(packet);
        return packet;
    }

    public int WriteTo(Span<byte> destination)
    {
        var body = BodySize();
        var at = PacketWriter.WriteFixedHeader(destination, (byte)PacketType.Connect << 4, body);
        at += PacketWriter.WriteBinary(destination[at..], "MQTT"u8);
        destination[at++] = ProtocolLevel;
        byte flags = 0;
        if (CleanSession) flags |= CleanSessionFlag;
        if (Will is not null)
        {
            flags |= WillFlag;
            flags |= (byte)((int)Will.QualityOfService << 3);
            if (Will.Retain) flags |= WillRetainFlag;
        }
        if (Password is not null) flags |= PasswordFlag;
        if (Username is not null) flags |= UsernameFlag;
        destination[at++] = flags;
        at += PacketWriter.WriteUInt16(destination[at..], KeepAliveSeconds);
        at += PacketWriter.WriteString(destination[at..], ClientId);
        if (Will is not null)
        {
            at += PacketWriter.WriteString(destination[at..], Will.Topic);
            at += PacketWriter.WriteBinary(destination[at..], Will.Payload.Span);
        }
        if (Username is not null) at += PacketWriter.WriteString(destination[at..], Username);
        if (Password is not null) at += PacketWriter.WriteBinary(destination[at..], Encoding.UTF8.GetBytes(Password));
        return at;
    }

    private int BodySize()
    {
        if (Password is not null && Username is null)
            throw new ArgumentException("MQTT 3.1.1 allows a password only together with a user name.", nameof(Password));
        var size = 10 + PacketWriter.StringSize(ClientId);
        if (Will is not null)
        {
            MqttTopic.ValidateName(Will.Topic, nameof(Will));
            if (Will.QualityOfService > MqttQualityOfService.ExactlyOnce)
                throw new ArgumentException($"will QoS {(int)Will.QualityOfService} is not 0, 1 or 2", nameof(Will));
            if (Will.Payload.Length > ushort.MaxValue)
                throw new ArgumentException($"a will message holds at most {ushort.MaxValue} bytes, got {Will.Payload.Length}", nameof(Will));
            size += PacketWriter.StringSize(Will.Topic) + 2 + Will.Payload.Length;
        }
        if (Username is not null) size += PacketWriter.StringSize(Username);
        if (Password is not null)
        {
            var bytes = Encoding.UTF8.GetByteCount(Password);
            if (bytes > ushort.MaxValue)
                throw new ArgumentException($"a password holds at most {ushort.MaxValue} bytes, got {bytes}", nameof(Password));
            size += 2 + bytes;
        }
        return size;
    }

    /// <exception cref="MqttProtocolException">Not a well-formed MQTT 3.1.1 CONNECT.</exception>
    public static ConnectPacket Parse(FixedHeader header, ReadOnlySpan<byte> body)
    {
        var reader = new PacketSpanReader(body, PacketType.Connect);
        if (!reader.ReadUtf8("protocol name").SequenceEqual("MQTT"u8))
            throw new MqttProtocolException("CONNECT protocol name is not 'MQTT'.");
        var level = reader.ReadByte();
        if (level != ProtocolLevel)
            throw new MqttProtocolException($"CONNECT protocol level {level} is not 4 (MQTT 3.1.1).");
        var flags = reader.ReadByte();
        if ((flags & 0x01) != 0)
            throw new MqttProtocolException("CONNECT reserved flag bit 0 is set [MQTT-3.1.2-3].");
        var willQos = (flags >> 3) & 3;
        var hasWill = (flags & WillFlag) != 0;
        if (!hasWill && (willQos != 0 || (flags & WillRetainFlag) != 0))
            throw new MqttProtocolException("CONNECT has will QoS or will retain set without the will flag [MQTT-3.1.2-11].");
        if (willQos == 3)
            throw new MqttProtocolException("CONNECT will QoS is 3, which is reserved.");
        if ((flags & PasswordFlag) != 0 && (flags & UsernameFlag) == 0)
            throw new MqttProtocolException("CONNECT has a password without a user name [MQTT-3.1.2-22].");
        var keepAlive = reader.ReadUInt16();
        var clientId = reader.ReadString("client identifier");
        MqttWillMessage? will = null;
        if (hasWill)
        {
            var topic = reader.ReadString("will topic");
            if (MqttTopic.CheckName(topic) is { } reason) throw new MqttProtocolException($"CONNECT will topic: {reason}.");
            will = new MqttWillMessage(topic, reader.ReadBinary().ToArray(), (MqttQualityOfService)willQos, (flags & WillRetainFlag) != 0);
        }
        var username = (flags & UsernameFlag) != 0 ? reader.ReadString("user name") : null;
        var password = (flags & PasswordFlag) != 0 ? ReadPassword(ref reader) : null;
        reader.ExpectEnd();
        return new ConnectPacket(clientId, (flags & CleanSessionFlag) != 0, keepAlive, username, password, will);
    }

    // The standard makes the password binary data; this client carries it as text, so non-UTF-8 is refused.
    private static string ReadPassword(ref PacketSpanReader reader)
    {
        var bytes = reader.ReadBinary();
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
            throw new MqttProtocolException("CONNECT password is not UTF-8, which this client cannot represent.");
        return Encoding.UTF8.GetString(bytes);
    }
}
