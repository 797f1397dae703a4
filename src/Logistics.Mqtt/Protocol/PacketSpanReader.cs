using System.Text.Unicode;

namespace Logistics.Mqtt.Protocol;

/// <summary>Reads the fields of one packet's body; running past the end is a protocol error naming
/// the packet, never an IndexOutOfRangeException.</summary>
internal ref struct PacketSpanReader(ReadOnlySpan<byte> body, PacketType type)
{
    private readonly ReadOnlySpan<byte> _body = body;
    private int _at;

    public readonly int Remaining => _body.Length - _at;

    public byte ReadByte()
    {
        if (_at >= _body.Length) throw Truncated(1);
        return _body[_at++];
    }

    public ushort ReadUInt16()
    {
        if (Remaining < 2) throw Truncated(2);
        var value = (ushort)(_body[_at] << 8 | _body[_at + 1]);
        _at += 2;
        return value;
    }

    public ushort ReadPacketId()
    {
        var id = ReadUInt16();
        return id != 0 ? id : throw new MqttProtocolException($"{type} carries packet identifier 0, which MQTT 3.1.1 forbids.");
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (Remaining < count) throw Truncated(count);
        var bytes = _body.Slice(_at, count);
        _at += count;
        return bytes;
    }

    public ReadOnlySpan<byte> ReadRest() => ReadBytes(Remaining);

    public ReadOnlySpan<byte> ReadBinary() => ReadBytes(ReadUInt16());

    /// <summary>A length-prefixed string, checked to be well-formed UTF-8 without U+0000 (section 1.5.3).</summary>
    public ReadOnlySpan<byte> ReadUtf8(string field)
    {
        var bytes = ReadBinary();
        ValidateUtf8(bytes, type, field);
        return bytes;
    }

    public string ReadString(string field) => PacketWriter.Utf8.GetString(ReadUtf8(field));

    public readonly void ExpectEnd()
    {
        if (Remaining != 0)
            throw new MqttProtocolException($"{type} has {Remaining} unexpected bytes after its last field.");
    }

    public static void ValidateUtf8(ReadOnlySpan<byte> bytes, PacketType type, string field)
    {
        if (!Utf8.IsValid(bytes))
            throw new MqttProtocolException($"{type} {field} is not well-formed UTF-8.");
        if (bytes.Contains((byte)0))
            throw new MqttProtocolException($"{type} {field} contains the null character U+0000.");
    }

    private readonly MqttProtocolException Truncated(int wanted) =>
        new($"{type} is truncated: a field needs {wanted} more bytes at offset {_at}, but the packet has {Remaining} left.");
}
