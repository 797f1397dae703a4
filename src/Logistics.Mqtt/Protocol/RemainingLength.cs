namespace Logistics.Mqtt.Protocol;

/// <summary>The fixed header's variable-length integer (MQTT 3.1.1, section 2.2.3): 7 bits per byte,
/// at most 4 bytes, so at most 268,435,455.</summary>
public static class RemainingLength
{
    public const int Max = 268_435_455;

    public static int SizeOf(int value) => value switch
    {
        < 0 or > Max => throw new ArgumentOutOfRangeException(nameof(value), value, $"remaining length must be 0..{Max}"),
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    public static int Write(int value, Span<byte> destination)
    {
        var size = SizeOf(value);
        for (var i = 0; i < size; i++)
        {
            var digit = (byte)(value % 128);
            value /= 128;
            destination[i] = value > 0 ? (byte)(digit | 0x80) : digit;
        }
        return size;
    }

    /// <summary>Decodes from <paramref name="source"/>; returns false when more bytes are needed.</summary>
    /// <exception cref="MqttProtocolException">More than 4 bytes of length.</exception>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int consumed)
    {
        value = 0;
        var multiplier = 1;
        for (var i = 0; i < 4; i++)
        {
            if (i >= source.Length) { consumed = 0; return false; }
            var b = source[i];
            value += (b & 0x7F) * multiplier;
            if ((b & 0x80) == 0) { consumed = i + 1; return true; }
            multiplier *= 128;
        }
        throw new MqttProtocolException("Remaining length is longer than 4 bytes.");
    }
}
