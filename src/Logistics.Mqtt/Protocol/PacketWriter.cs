using System.Text;

namespace Logistics.Mqtt.Protocol;

/// <summary>Big-endian integers and length-prefixed strings as MQTT writes them (section 1.5).</summary>
internal static class PacketWriter
{
    /// <summary>Strict: a lone surrogate is an error rather than a silent U+FFFD on the wire.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static int WriteFixedHeader(Span<byte> destination, byte firstByte, int remainingLength)
    {
        destination[0] = firstByte;
        return 1 + RemainingLength.Write(remainingLength, destination[1..]);
    }

    public static int WriteUInt16(Span<byte> destination, int value)
    {
        destination[0] = (byte)(value >> 8);
        destination[1] = (byte)value;
        return 2;
    }

    public static int StringSize(string value)
    {
        var bytes = Utf8.GetByteCount(value);
        if (bytes > ushort.MaxValue)
            throw new ArgumentException($"An MQTT string holds at most {ushort.MaxValue} bytes of UTF-8, got {bytes}.");
        return 2 + bytes;
    }

    public static int WriteString(Span<byte> destination, string value)
    {
        var bytes = Utf8.GetBytes(value, destination[2..]);
        WriteUInt16(destination, bytes);
        return 2 + bytes;
    }

    public static int WriteBinary(Span<byte> destination, ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
            throw new ArgumentException($"An MQTT length-prefixed field holds at most {ushort.MaxValue} bytes, got {value.Length}.");
        WriteUInt16(destination, value.Length);
        value.CopyTo(destination[2..]);
        return 2 + value.Length;
    }
}
