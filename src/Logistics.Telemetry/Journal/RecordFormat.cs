using System.Buffers.Binary;
using System.Globalization;

namespace Logistics.Telemetry.Journal;

/// <summary>The bytes of a segment (docs/telemetry.md, "Journal"). All integers little-endian.
/// <code>
/// segment: "LGJ1" | u32 version = 1 | u64 first sequence | frame*
/// frame:   u32 body length | u32 CRC-32 of (body length bytes + body) | body
/// body:    u64 sequence | i64 receive time, UTC ticks | u16 topic length | topic (UTF-8) | payload
/// </code></summary>
internal static class RecordFormat
{
    public const int SegmentHeaderBytes = 16;
    public const int FrameHeaderBytes = 8;
    public const int BodyFixedBytes = 18;
    public const int Version = 1;
    public const string SegmentExtension = ".seg";

    /// <summary>No valid body is larger; a length field above it is damage, not a record.</summary>
    public const int MaxBodyBytes = 256 * 1024 * 1024;

    private static ReadOnlySpan<byte> Magic => "LGJ1"u8;

    public static int FrameLength(int topicBytes, int payloadBytes) => FrameHeaderBytes + BodyFixedBytes + topicBytes + payloadBytes;

    public static string SegmentFileName(long firstSequence) =>
        firstSequence.ToString("D20", CultureInfo.InvariantCulture) + SegmentExtension;

    public static bool TryParseSegmentFileName(string fileName, out long firstSequence)
    {
        firstSequence = 0;
        return fileName.Length == 20 + SegmentExtension.Length
               && fileName.EndsWith(SegmentExtension, StringComparison.Ordinal)
               && long.TryParse(fileName.AsSpan(0, 20), NumberStyles.None, CultureInfo.InvariantCulture, out firstSequence);
    }

    public static void WriteSegmentHeader(Span<byte> destination, long firstSequence)
    {
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], firstSequence);
    }

    public static bool IsValidSegmentHeader(ReadOnlySpan<byte> header, long firstSequence) =>
        header.Length >= SegmentHeaderBytes
        && header[..4].SequenceEqual(Magic)
        && BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) == Version
        && BinaryPrimitives.ReadInt64LittleEndian(header[8..]) == firstSequence;

    public static void WriteFrame(Span<byte> destination, long sequence, long receivedUtcTicks, ReadOnlySpan<byte> topic, ReadOnlySpan<byte> payload)
    {
        var bodyLength = BodyFixedBytes + topic.Length + payload.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)bodyLength);
        var body = destination.Slice(FrameHeaderBytes, bodyLength);
        BinaryPrimitives.WriteInt64LittleEndian(body, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(body[8..], receivedUtcTicks);
        BinaryPrimitives.WriteUInt16LittleEndian(body[16..], (ushort)topic.Length);
        topic.CopyTo(body[BodyFixedBytes..]);
        payload.CopyTo(body[(BodyFixedBytes + topic.Length)..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Checksum(destination[..4], body));
    }

    public enum FrameStatus { Valid, Incomplete, Corrupt }

    /// <summary>Reads the body length from a frame's first bytes: Incomplete when fewer than
    /// <see cref="FrameHeaderBytes"/> are given, Corrupt when the length cannot be a body's.</summary>
    public static FrameStatus TryReadFrameLength(ReadOnlySpan<byte> data, out int frameLength)
    {
        frameLength = 0;
        if (data.Length < FrameHeaderBytes) return FrameStatus.Incomplete;
        var bodyLength = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (bodyLength < BodyFixedBytes || bodyLength > MaxBodyBytes) return FrameStatus.Corrupt;
        frameLength = FrameHeaderBytes + (int)bodyLength;
        return FrameStatus.Valid;
    }

    /// <summary>Checks a whole frame (<paramref name="frame"/> is exactly its bytes) and reads its sequence number.</summary>
    public static bool TryCheckFrame(ReadOnlySpan<byte> frame, out long sequence)
    {
        sequence = 0;
        var body = frame[FrameHeaderBytes..];
        if (BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]) != Checksum(frame[..4], body)) return false;
        if (BinaryPrimitives.ReadUInt16LittleEndian(body[16..]) > body.Length - BodyFixedBytes) return false;
        sequence = BinaryPrimitives.ReadInt64LittleEndian(body);
        return true;
    }

    /// <summary>Decodes a frame already checked by <see cref="TryCheckFrame"/>.</summary>
    public static JournalRecord Decode(ReadOnlySpan<byte> frame)
    {
        var body = frame[FrameHeaderBytes..];
        var sequence = BinaryPrimitives.ReadInt64LittleEndian(body);
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(body[8..]);
        var topicLength = BinaryPrimitives.ReadUInt16LittleEndian(body[16..]);
        var topic = System.Text.Encoding.UTF8.GetString(body.Slice(BodyFixedBytes, topicLength));
        var payload = body[(BodyFixedBytes + topicLength)..].ToArray();
        return new JournalRecord(sequence, TimeOf(ticks), topic, payload);
    }

    public static DateTimeOffset TimeOf(long utcTicks) =>
        utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks
            ? new DateTimeOffset(utcTicks, TimeSpan.Zero)
            : DateTimeOffset.MinValue;

    private static uint Checksum(ReadOnlySpan<byte> lengthField, ReadOnlySpan<byte> body) =>
        Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start, lengthField), body));
}
