using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace Logistics.Telemetry.Journal;

/// <summary>One named reader of a <see cref="MessageJournal"/> (e.g. "influx", "alerts"). It reads
/// the durable records after its checkpoint in sequence order, waiting for new ones, and moves its
/// persisted checkpoint with <see cref="Commit"/>. After a restart it starts again after its last
/// commit, so a record read but not committed is read again (at-least-once).</summary>
/// <remarks>One reader at a time: <see cref="ReadAsync"/> must not be called concurrently with
/// itself; <see cref="Commit"/> may be called from any thread.</remarks>
public sealed class JournalConsumer : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly MessageJournal _journal;
    private readonly object _commitGate = new();
    private SafeFileHandle? _file;
    private string _path = "";
    private long _segmentFirst;
    private long _offset;
    private byte[] _buffer = new byte[ChunkBytes];
    private long _bufferStart;
    private int _bufferCount;
    private long _lastRead;
    // Only this consumer commits under its name, so it knows its checkpoint without asking the journal (and its lock).
    private long _checkpoint;
    private bool _disposed;
    // Where the frame after the last record read from the journal's memory starts on disk (segment, offset):
    // the next read from disk goes on there.
    private (long SegmentFirst, long Offset)? _resume;

    private readonly bool _beforeDurable;

    internal JournalConsumer(MessageJournal journal, string name, long checkpoint, bool beforeDurable)
    {
        _journal = journal;
        _beforeDurable = beforeDurable;
        Name = name;
        _lastRead = checkpoint;
        _checkpoint = checkpoint;
    }

    public string Name { get; }

    /// <summary>The last sequence number committed (persisted).</summary>
    public long Checkpoint => Volatile.Read(ref _checkpoint);

    /// <summary>The sequence number of the last record returned by <see cref="ReadAsync"/>.</summary>
    public long LastRead => Volatile.Read(ref _lastRead);

    /// <summary>True: reads records as soon as they are queued for writing, before they are durable
    /// (<see cref="MessageJournal.OpenConsumer"/>).</summary>
    public bool BeforeDurable => _beforeDurable;

    /// <summary>The next durable record after the last one read (or, <see cref="BeforeDurable"/>, the next one queued),
    /// waiting until there is one.</summary>
    /// <exception cref="JournalException">A record is damaged (its CRC does not match).</exception>
    /// <exception cref="ObjectDisposedException">The consumer or the journal was closed.</exception>
    public async ValueTask<JournalRecord> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_journal.DurableSequence > _lastRead) return Next();
            if (_beforeDurable)
            {
                if (_journal.TryReadQueued(_lastRead + 1, out var queued)) return Queued(queued);
                var (last, queuedAdvanced) = _journal.QueuedState();
                if (_journal.TryReadQueued(_lastRead + 1, out queued)) return Queued(queued);
                // Queued but no longer in memory (this consumer fell far behind): read it from disk once it is durable.
                if (last <= _lastRead)
                {
                    await queuedAdvanced.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            var (durable, advanced) = _journal.DurableState();
            if (durable > _lastRead) return Next();
            await advanced.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A record read from memory before it is durable. A later read from disk finds its place again by
    /// sequence number (it skips what was read).</summary>
    private JournalRecord Queued(JournalRecord record)
    {
        Volatile.Write(ref _lastRead, record.Sequence);
        return record;
    }

    /// <summary>Every record from the checkpoint on, endlessly, until cancelled.</summary>
    public async IAsyncEnumerable<JournalRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true) yield return await ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the checkpoint to <paramref name="sequence"/>: this consumer is done with every
    /// record up to it. Persisted atomically before it returns; segments that every consumer is done
    /// with are deleted.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below the checkpoint, beyond the last record read, or beyond the
    /// last durable record.</exception>
    public void Commit(long sequence)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var lastRead = LastRead;
        if (sequence > lastRead)
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"consumer \"{Name}\" cannot commit {sequence}: the last record it read is {lastRead}");
        lock (_commitGate)
        {
            _journal.Commit(Name, sequence);
            Volatile.Write(ref _checkpoint, sequence);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _file?.Dispose();
        _journal.Release(Name);
    }

    /// <summary>The durable record after <see cref="_lastRead"/>, from the journal's memory while it still holds it,
    /// else from disk.</summary>
    private JournalRecord Next()
    {
        JournalRecord record;
        if (_journal.TryReadTail(_lastRead + 1, out var entry))
        {
            record = entry.Record;
            if (_file is not null && _segmentFirst == entry.SegmentFirst) _offset = entry.NextOffset;
            else
            {
                _file?.Dispose();
                _file = null;
                _resume = (entry.SegmentFirst, entry.NextOffset);
            }
        }
        else
        {
            record = ReadNext();
        }
        Volatile.Write(ref _lastRead, record.Sequence);
        return record;
    }

    /// <summary>The first record after <see cref="_lastRead"/>; the caller knows one is durable, so
    /// running out of bytes here means damage, not a record still being written.</summary>
    private JournalRecord ReadNext()
    {
        if (_file is null)
        {
            OpenSegment(_journal.SegmentFor(_lastRead + 1));
            if (_resume is { } resume && resume.SegmentFirst == _segmentFirst) _offset = resume.Offset;
            _resume = null;
        }
        while (true)
        {
            var available = Fill(_offset, RecordFormat.FrameHeaderBytes);
            if (available == 0)
            {
                // End of this segment: the record is in a later one.
                var next = _journal.SegmentAfter(_segmentFirst)
                           ?? throw Damaged("ends before the durable record after " + _lastRead);
                OpenSegment(next);
                continue;
            }
            var status = RecordFormat.TryReadFrameLength(Span(_offset, available), out var frameLength);
            if (status != RecordFormat.FrameStatus.Valid) throw Damaged("has a damaged frame length");
            if (Fill(_offset, frameLength) < frameLength) throw Damaged("ends inside a frame");
            var frame = Span(_offset, frameLength);
            if (!RecordFormat.TryCheckFrame(frame, out var sequence)) throw Damaged("has a frame whose CRC does not match");
            _offset += frameLength;
            if (sequence <= _lastRead) continue;
            return RecordFormat.Decode(frame);
        }
    }

    private void OpenSegment((string Path, long FirstSequence) segment)
    {
        _file?.Dispose();
        _file = null;
        _path = segment.Path;
        _segmentFirst = segment.FirstSequence;
        try
        {
            _file = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException e)
        {
            throw new JournalException($"Journal segment {segment.Path} disappeared while consumer \"{Name}\" still needed it.", segment.Path, inner: e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException and not JournalException)
        {
            throw new JournalException($"Journal segment {segment.Path} could not be opened by consumer \"{Name}\": {e.Message}", segment.Path, inner: e);
        }
        _offset = RecordFormat.SegmentHeaderBytes;
        _bufferCount = 0;
        Span<byte> header = stackalloc byte[RecordFormat.SegmentHeaderBytes];
        if (RandomAccess.Read(_file, header, 0) < header.Length || !RecordFormat.IsValidSegmentHeader(header, segment.FirstSequence))
            throw Damaged("has a damaged header");
    }

    /// <summary>Makes up to <paramref name="count"/> bytes at <paramref name="offset"/> available in
    /// the buffer and returns how many are (fewer only at the end of the file).</summary>
    private int Fill(long offset, int count)
    {
        if (offset >= _bufferStart && offset + count <= _bufferStart + _bufferCount) return count;
        if (_buffer.Length < count) _buffer = new byte[Math.Max(count, _buffer.Length * 2)];
        _bufferStart = offset;
        _bufferCount = 0;
        while (_bufferCount < _buffer.Length)
        {
            int read;
            try
            {
                read = RandomAccess.Read(_file!, _buffer.AsSpan(_bufferCount), offset + _bufferCount);
            }
            catch (IOException e) when (e is not JournalException)
            {
                throw new JournalException($"Journal segment {_path} could not be read at byte {offset + _bufferCount} (consumer \"{Name}\"): {e.Message}",
                    _path, offset + _bufferCount, e);
            }
            if (read == 0) break;
            _bufferCount += read;
        }
        return Math.Min(count, _bufferCount);
    }

    private ReadOnlySpan<byte> Span(long offset, int count) => _buffer.AsSpan((int)(offset - _bufferStart), count);

    private JournalException Damaged(string what) =>
        new($"Journal segment {_path} {what} at byte {_offset} (consumer \"{Name}\", after record {_lastRead}).", _path, _offset);
}
