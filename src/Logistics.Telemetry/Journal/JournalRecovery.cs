namespace Logistics.Telemetry.Journal;

/// <summary>What opening a journal folder finds after a clean shutdown or a crash: the segments (the last one cut
/// after its last intact record), the consumers' checkpoints and the next sequence number.</summary>
internal static class JournalRecovery
{
    public sealed record State(List<JournalSegment> Segments, Dictionary<string, long> Checkpoints, long NextSequence, long TruncatedBytes);

    /// <exception cref="JournalException">A segment other than the last is damaged.</exception>
    public static State Recover(string directory)
    {
        JournalCheckpoints.DeleteTemporaryFiles(directory);

        var segments = new List<JournalSegment>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + RecordFormat.SegmentExtension))
            if (RecordFormat.TryParseSegmentFileName(Path.GetFileName(path), out var first))
                segments.Add(new JournalSegment(path, first) { Length = new FileInfo(path).Length });
        segments.Sort((a, b) => a.FirstSequence.CompareTo(b.FirstSequence));

        var (checkpoints, unreadable) = JournalCheckpoints.ReadAll(directory);

        for (var i = 0; i < segments.Count - 1; i++)
        {
            CheckClosedSegmentHeader(segments[i]);
            // Sequence numbers may jump between segments (see below), so this is an upper bound;
            // retention only needs one that is never too low.
            segments[i].LastSequence = segments[i + 1].FirstSequence - 1;
        }
        long truncated = 0;
        if (segments.Count > 0) truncated = RecoverTail(directory, segments[^1]);

        var maxCheckpoint = checkpoints.Count == 0 ? 0 : checkpoints.Values.Max();
        var next = Math.Max(segments.Count > 0 ? segments[^1].LastSequence + 1 : 1, maxCheckpoint + 1);
        if (segments.Count > 0 && segments[^1].LastSequence < segments[^1].FirstSequence && segments[^1].FirstSequence != next)
        {
            // An empty last segment whose name no longer fits the next number is of no use.
            File.Delete(segments[^1].Path);
            segments.RemoveAt(segments.Count - 1);
        }
        if (segments.Count == 0 || segments[^1].LastSequence + 1 != next)
            segments.Add(JournalSegment.Create(directory, next));

        // A damaged checkpoint cannot be trusted to be low enough: re-read all that is retained.
        foreach (var name in unreadable) checkpoints[name] = segments[0].FirstSequence - 1;

        return new State(segments, checkpoints, next, truncated);
    }

    private static void CheckClosedSegmentHeader(JournalSegment segment)
    {
        Span<byte> header = stackalloc byte[RecordFormat.SegmentHeaderBytes];
        using var file = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || !RecordFormat.IsValidSegmentHeader(header, segment.FirstSequence))
            throw new JournalException($"Journal segment {segment.Path} has a damaged header; it was closed cleanly, so this is not a crash's torn write.", segment.Path, 0);
    }

    /// <summary>Scans the last segment and cuts it after its last intact record. After a crash only
    /// the records of the group being written can be torn, and their appends had not completed.</summary>
    private static long RecoverTail(string directory, JournalSegment segment)
    {
        var data = File.ReadAllBytes(segment.Path);
        if (data.Length < RecordFormat.SegmentHeaderBytes || !RecordFormat.IsValidSegmentHeader(data, segment.FirstSequence))
        {
            // Torn while the segment was being created: start it again.
            var fresh = JournalSegment.Create(directory, segment.FirstSequence);
            segment.Length = fresh.Length;
            segment.LastSequence = fresh.LastSequence;
            return data.Length;
        }
        long offset = RecordFormat.SegmentHeaderBytes;
        var last = segment.FirstSequence - 1;
        while (offset < data.Length)
        {
            var rest = data.AsSpan((int)offset);
            if (RecordFormat.TryReadFrameLength(rest, out var frameLength) != RecordFormat.FrameStatus.Valid) break;
            if (frameLength > rest.Length) break;
            if (!RecordFormat.TryCheckFrame(rest[..frameLength], out var sequence) || sequence <= last) break;
            last = sequence;
            offset += frameLength;
        }
        segment.LastSequence = last;
        segment.Length = offset;
        if (offset == data.Length) return 0;
        using (var file = new FileStream(segment.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1))
        {
            file.SetLength(offset);
            file.Flush(flushToDisk: true);
        }
        return data.Length - offset;
    }
}
