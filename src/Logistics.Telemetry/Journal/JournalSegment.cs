namespace Logistics.Telemetry.Journal;

/// <summary>One segment file of the journal: its first sequence number (in its name and header), the last record's
/// and its length on disk. Owned by <see cref="MessageJournal"/>, which guards it with its lock.</summary>
internal sealed class JournalSegment(string path, long firstSequence)
{
    public string Path { get; } = path;
    public long FirstSequence { get; } = firstSequence;
    /// <summary>The last record's sequence number; FirstSequence - 1 while empty.</summary>
    public long LastSequence { get; set; }
    public long Length { get; set; }

    /// <summary>Creates an empty segment file (header flushed, folder entry too).</summary>
    public static JournalSegment Create(string directory, long firstSequence)
    {
        var path = System.IO.Path.Combine(directory, RecordFormat.SegmentFileName(firstSequence));
        Span<byte> header = stackalloc byte[RecordFormat.SegmentHeaderBytes];
        RecordFormat.WriteSegmentHeader(header, firstSequence);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1))
        {
            file.Write(header);
            file.Flush(flushToDisk: true);
        }
        DirectorySync.Flush(directory);
        return new JournalSegment(path, firstSequence) { Length = RecordFormat.SegmentHeaderBytes, LastSequence = firstSequence - 1 };
    }

    /// <summary>The file opened for appending at its end.</summary>
    public FileStream OpenForAppend()
    {
        // No FileStream buffer: a group is written with one call from our own buffer.
        var stream = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);
        stream.Seek(Length, SeekOrigin.Begin);
        return stream;
    }
}
