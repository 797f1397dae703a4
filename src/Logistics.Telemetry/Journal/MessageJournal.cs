using System.Globalization;
using System.Text;

namespace Logistics.Telemetry.Journal;

/// <summary>The durable, segmented, append-only log of every MQTT message the listener receives.
/// The listener appends a message and acknowledges it to the broker only when
/// <see cref="AppendAsync"/> has completed, i.e. when the record is on disk (fsync). Named consumers
/// (<see cref="OpenConsumer"/>) read it in order from their own persisted checkpoints.
/// File format, guarantees and the disk cap: docs/telemetry.md, "Journal".</summary>
/// <remarks>Thread-safe: any number of threads may append at once; records get one total order, that
/// of their sequence numbers. Appends are written and flushed in groups by one background writer, so
/// concurrent (or pipelined) appends share one fsync.</remarks>
public sealed class MessageJournal : IAsyncDisposable
{
    private const string CheckpointExtension = ".checkpoint";
    private const string TempExtension = ".tmp";
    private const string LockFileName = "journal.lock";

    private readonly JournalOptions _options;
    private readonly string _directory;
    private readonly FileStream _lockFile;
    private readonly object _gate = new();

    // Guarded by _gate.
    private readonly List<Segment> _segments;
    private readonly Queue<PendingAppend> _queue = new();
    private readonly Dictionary<string, long> _checkpoints;
    private readonly HashSet<string> _openConsumers = new(StringComparer.Ordinal);
    private long _bytesUsed;
    private long _bytesReserved;
    private int _waitingForSpace;
    private long _durableSequence;
    private bool _closing;
    private Exception? _fault;
    private TaskCompletionSource _spaceFreed = NewSignal();
    private TaskCompletionSource _durableAdvanced = NewSignal();

    // Owned by the writer loop.
    private FileStream _active;
    private long _nextSequence;
    private byte[] _batchBuffer = new byte[64 * 1024];

    private readonly SemaphoreSlim _wake = new(0);
    private int _wakePending;
    private readonly Task _writer;

    private MessageJournal(JournalOptions options, FileStream lockFile, List<Segment> segments,
        Dictionary<string, long> checkpoints, long nextSequence, long truncatedBytes)
    {
        _options = options;
        _directory = Path.GetFullPath(options.Directory);
        _lockFile = lockFile;
        _segments = segments;
        _checkpoints = checkpoints;
        _nextSequence = nextSequence;
        _durableSequence = nextSequence - 1;
        _bytesUsed = segments.Sum(s => s.Length);
        TruncatedBytesOnOpen = truncatedBytes;
        _active = OpenForAppend(segments[^1]);
        lock (_gate) DeleteConsumedSegments();
        _writer = Task.Run(WriterLoopAsync);
    }

    /// <summary>Opens the journal in <see cref="JournalOptions.Directory"/>, creating it when new.
    /// A record torn by a crash at the end of the last segment is cut off (see
    /// <see cref="TruncatedBytesOnOpen"/>); sequence numbers continue after the last intact record
    /// and consumers resume from their checkpoints.</summary>
    /// <exception cref="JournalException">Another process has the folder open, or a segment other
    /// than the last is damaged.</exception>
    public static MessageJournal Open(JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var directory = Path.GetFullPath(options.Directory);
        Directory.CreateDirectory(directory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new JournalException($"The journal in {directory} is open in another process.", directory, inner: e);
        }
        try
        {
            return Recover(options, directory, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Bytes that recovery cut off the end of the last segment when the journal was opened
    /// (a record torn by a crash, never one whose append had completed); 0 after a clean shutdown.</summary>
    public long TruncatedBytesOnOpen { get; }

    /// <summary>The bytes the segments take on disk.</summary>
    public long BytesUsed { get { lock (_gate) return _bytesUsed; } }

    public long DiskCapBytes => _options.DiskCapBytes;

    /// <summary>Normal, NearCap (≥ 90 % of the cap) or Full (an append is waiting for space).</summary>
    public JournalState State
    {
        get
        {
            lock (_gate)
            {
                var used = _bytesUsed + _bytesReserved;
                if (_waitingForSpace > 0 || used >= _options.DiskCapBytes) return JournalState.Full;
                return used * 10 >= _options.DiskCapBytes * 9 ? JournalState.NearCap : JournalState.Normal;
            }
        }
    }

    /// <summary>The sequence number of the last durable record; 0 when there has never been one.</summary>
    public long LastSequence { get { lock (_gate) return _durableSequence; } }

    /// <summary>The lowest sequence number still on disk (earlier records were consumed and deleted).</summary>
    public long FirstRetainedSequence { get { lock (_gate) return _segments[0].FirstSequence; } }

    /// <summary>Each known consumer's checkpoint: the last sequence number it committed.</summary>
    public IReadOnlyDictionary<string, long> Checkpoints
    {
        get { lock (_gate) return new Dictionary<string, long>(_checkpoints, StringComparer.Ordinal); }
    }

    /// <summary>Appends one received message and completes with its sequence number once the record
    /// is flushed to disk. While the journal is at its disk cap the append waits for consumers to
    /// free space (it never drops a message); <paramref name="cancellationToken"/> ends that wait.
    /// Once the record is queued for writing, cancelling only stops the waiting: the record may
    /// still be written (harmless: an unacknowledged message is redelivered by the broker anyway).</summary>
    /// <exception cref="ArgumentException">The record is larger than <see cref="JournalOptions.MaxRecordBytes"/>
    /// or the topic longer than 65,535 UTF-8 bytes.</exception>
    /// <exception cref="JournalException">The journal failed to write (it then refuses every later append).</exception>
    /// <exception cref="ObjectDisposedException">The journal is closed.</exception>
    public async Task<long> AppendAsync(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        if (topicBytes.Length > ushort.MaxValue)
            throw new ArgumentException($"topic must be at most {ushort.MaxValue} UTF-8 bytes, got {topicBytes.Length}", nameof(topic));
        var frameLength = RecordFormat.FrameLength(topicBytes.Length, payload.Length);
        if (frameLength > _options.MaxRecordBytes)
            throw new ArgumentException($"record of {frameLength} bytes (topic {topicBytes.Length}, payload {payload.Length}) is larger than {nameof(JournalOptions.MaxRecordBytes)} {_options.MaxRecordBytes}", nameof(payload));
        // The copy lets the caller reuse its buffer even if it stops waiting before the write.
        var pending = new PendingAppend(topicBytes, payload.ToArray(), receivedAt.UtcTicks, frameLength);
        while (true)
        {
            Task spaceFreed;
            lock (_gate)
            {
                ThrowIfUnusable();
                if (_bytesUsed + _bytesReserved + frameLength + RecordFormat.SegmentHeaderBytes <= _options.DiskCapBytes)
                {
                    _bytesReserved += frameLength;
                    _queue.Enqueue(pending);
                    break;
                }
                _waitingForSpace++;
                spaceFreed = _spaceFreed.Task;
            }
            SignalWriter(); // a wholly consumed active segment can be rolled and deleted to make room
            try
            {
                await spaceFreed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate) _waitingForSpace--;
            }
        }
        SignalWriter();
        return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the named consumer, which reads from its checkpoint on. A new consumer starts
    /// at the first retained record and its checkpoint is persisted at once, so from now on segments
    /// are kept until it has committed past them. One reader per name at a time.</summary>
    /// <param name="name">1-64 letters, digits, '_' or '-', e.g. <c>influx</c>, <c>alerts</c>.</param>
    public JournalConsumer OpenConsumer(string name)
    {
        ValidateConsumerName(name);
        long checkpoint;
        lock (_gate)
        {
            ThrowIfUnusable();
            if (!_openConsumers.Add(name))
                throw new InvalidOperationException($"consumer \"{name}\" is already open");
            if (!_checkpoints.TryGetValue(name, out checkpoint))
            {
                checkpoint = _segments[0].FirstSequence - 1;
                try
                {
                    WriteCheckpointFile(name, checkpoint);
                }
                catch
                {
                    _openConsumers.Remove(name);
                    throw;
                }
                _checkpoints[name] = checkpoint;
            }
        }
        return new JournalConsumer(this, name, checkpoint);
    }

    /// <summary>Forgets a consumer that is no longer used, so that it stops holding segments back.</summary>
    public void DeleteConsumer(string name)
    {
        ValidateConsumerName(name);
        lock (_gate)
        {
            if (_openConsumers.Contains(name))
                throw new InvalidOperationException($"consumer \"{name}\" is open; dispose it first");
            if (!_checkpoints.Remove(name)) return;
            File.Delete(CheckpointPath(name));
            DirectorySync.Flush(_directory);
            DeleteConsumedSegments();
        }
        SignalWriter();
    }

    /// <summary>Writes what is queued, stops the writer and closes the files. Appends still waiting
    /// for space fail with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_closing) return;
            _closing = true;
            _spaceFreed.TrySetResult();
            _durableAdvanced.TrySetResult();
        }
        SignalWriter();
        try
        {
            await _writer.ConfigureAwait(false);
        }
        finally
        {
            await _active.DisposeAsync().ConfigureAwait(false);
            await _lockFile.DisposeAsync().ConfigureAwait(false);
        }
    }

    // ---- consumers' side ----

    internal (long Durable, Task Advanced) DurableState()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            return (_durableSequence, _durableAdvanced.Task);
        }
    }

    /// <summary>The segment that holds <paramref name="sequence"/> (or the first after it) and the
    /// first sequence number of the segment after that one, if any.</summary>
    internal (string Path, long FirstSequence) SegmentFor(long sequence)
    {
        lock (_gate)
        {
            var index = 0;
            for (var i = 0; i < _segments.Count; i++)
                if (_segments[i].FirstSequence <= sequence) index = i;
            return (_segments[index].Path, _segments[index].FirstSequence);
        }
    }

    internal (string Path, long FirstSequence)? SegmentAfter(long firstSequence)
    {
        lock (_gate)
        {
            foreach (var segment in _segments)
                if (segment.FirstSequence > firstSequence) return (segment.Path, segment.FirstSequence);
            return null;
        }
    }

    internal long CheckpointOf(string name)
    {
        lock (_gate) return _checkpoints[name];
    }

    /// <summary>The consumer serializes its own commits; the file is written outside the journal's
    /// lock so that a checkpoint's fsync does not hold up appends.</summary>
    internal void Commit(string name, long sequence)
    {
        lock (_gate)
        {
            ThrowIfUnusable();
            var current = _checkpoints[name];
            if (sequence < current)
                throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"consumer \"{name}\" cannot commit {sequence}: its checkpoint is already {current}");
            if (sequence == current) return;
        }
        WriteCheckpointFile(name, sequence);
        lock (_gate)
        {
            _checkpoints[name] = sequence;
            DeleteConsumedSegments();
        }
        SignalWriter();
    }

    internal void Release(string name)
    {
        lock (_gate) _openConsumers.Remove(name);
    }

    // ---- writer ----

    private void SignalWriter()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0) _wake.Release();
    }

    private async Task WriterLoopAsync()
    {
        var batch = new List<PendingAppend>(_options.MaxGroupRecords);
        while (true)
        {
            await _wake.WaitAsync().ConfigureAwait(false);
            Volatile.Write(ref _wakePending, 0);
            if (_options.GroupCommitDelay > TimeSpan.Zero)
            {
                bool wait;
                lock (_gate) wait = _queue.Count > 0 && _queue.Count < _options.MaxGroupRecords && !_closing;
                if (wait) await Task.Delay(_options.GroupCommitDelay).ConfigureAwait(false);
            }
            while (true)
            {
                batch.Clear();
                lock (_gate)
                {
                    while (batch.Count < _options.MaxGroupRecords && _queue.TryDequeue(out var item)) batch.Add(item);
                    if (batch.Count == 0)
                    {
                        RollIfConsumedAndNeeded();
                        if (_closing) return;
                        break;
                    }
                }
                WriteGroup(batch);
            }
        }
    }

    /// <summary>Writes a group of records, rolling segments as needed, flushes them to disk, then
    /// completes their appends. An I/O error fails the group and every later append: a half-written
    /// frame is cut off by recovery when the journal is opened again.</summary>
    private void WriteGroup(List<PendingAppend> batch)
    {
        Exception? failure;
        lock (_gate) failure = _fault;
        if (failure is null)
        {
            try
            {
                Segment active;
                lock (_gate) active = _segments[^1];
                var activeLength = active.Length;
                var lastSequence = active.LastSequence;
                var used = 0;
                long framesWritten = 0;
                foreach (var item in batch)
                {
                    if (activeLength + used + item.FrameLength > _options.SegmentBytes && (lastSequence >= active.FirstSequence || used > 0))
                    {
                        _active.Write(_batchBuffer, 0, used);
                        _active.Flush(flushToDisk: true);
                        lock (_gate)
                        {
                            Account(active, activeLength + used, lastSequence, framesWritten);
                            framesWritten = 0;
                        }
                        active = StartSegment(_nextSequence);
                        activeLength = active.Length;
                        used = 0;
                    }
                    if (_batchBuffer.Length < used + item.FrameLength)
                        Array.Resize(ref _batchBuffer, Math.Max(_batchBuffer.Length * 2, used + item.FrameLength));
                    item.Sequence = _nextSequence++;
                    RecordFormat.WriteFrame(_batchBuffer.AsSpan(used, item.FrameLength), item.Sequence, item.ReceivedUtcTicks, item.Topic, item.Payload);
                    used += item.FrameLength;
                    framesWritten += item.FrameLength;
                    lastSequence = item.Sequence;
                }
                _active.Write(_batchBuffer, 0, used);
                _active.Flush(flushToDisk: true);
                lock (_gate)
                {
                    Account(active, activeLength + used, lastSequence, framesWritten);
                    _durableSequence = lastSequence;
                    _durableAdvanced.TrySetResult();
                    _durableAdvanced = NewSignal();
                }
                foreach (var item in batch) item.Completion.TrySetResult(item.Sequence);
                return;
            }
            catch (Exception e)
            {
                failure = new JournalException($"The journal could not write to {_directory}: {e.Message}", _directory, inner: e);
                lock (_gate)
                {
                    _fault ??= failure;
                    _spaceFreed.TrySetResult();
                }
            }
        }
        foreach (var item in batch) item.Completion.TrySetException(failure);
    }

    private void Account(Segment segment, long length, long lastSequence, long framesWritten)
    {
        _bytesUsed += length - segment.Length;
        _bytesReserved -= framesWritten;
        segment.Length = length;
        segment.LastSequence = lastSequence;
    }

    /// <summary>When appends wait for space and every consumer has committed all of the active
    /// segment, it is closed and deleted: otherwise a cap that the active segment alone fills would
    /// never free up.</summary>
    private void RollIfConsumedAndNeeded()
    {
        var active = _segments[^1];
        if (_waitingForSpace == 0 || _fault is not null || _closing || active.LastSequence < active.FirstSequence) return;
        if (MinimumCheckpoint() is not { } min || min < active.LastSequence) return;
        try
        {
            StartSegment(_nextSequence);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _fault ??= new JournalException($"The journal could not start a segment in {_directory}: {e.Message}", _directory, inner: e);
            _spaceFreed.TrySetResult();
            return;
        }
        DeleteConsumedSegments();
    }

    /// <summary>Closes the active segment and starts the next one (header flushed, folder entry too).</summary>
    private Segment StartSegment(long firstSequence)
    {
        var segment = CreateSegmentFile(_directory, firstSequence);
        var previous = _active;
        _active = OpenForAppend(segment);
        previous.Dispose();
        lock (_gate)
        {
            _segments.Add(segment);
            _bytesUsed += segment.Length;
        }
        return segment;
    }

    private static Segment CreateSegmentFile(string directory, long firstSequence)
    {
        var path = Path.Combine(directory, RecordFormat.SegmentFileName(firstSequence));
        Span<byte> header = stackalloc byte[RecordFormat.SegmentHeaderBytes];
        RecordFormat.WriteSegmentHeader(header, firstSequence);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1))
        {
            file.Write(header);
            file.Flush(flushToDisk: true);
        }
        DirectorySync.Flush(directory);
        return new Segment(path, firstSequence) { Length = RecordFormat.SegmentHeaderBytes, LastSequence = firstSequence - 1 };
    }

    private static FileStream OpenForAppend(Segment segment)
    {
        // No FileStream buffer: a group is written with one call from our own buffer.
        var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);
        stream.Seek(segment.Length, SeekOrigin.Begin);
        return stream;
    }

    // ---- retention and checkpoints (callers hold _gate) ----

    private long? MinimumCheckpoint() => _checkpoints.Count == 0 ? null : _checkpoints.Values.Min();

    private void DeleteConsumedSegments()
    {
        if (MinimumCheckpoint() is not { } min) return;
        var deleted = false;
        // The active (last) segment is never deleted here; RollIfConsumedAndNeeded closes it first.
        while (_segments.Count > 1 && _segments[0].LastSequence <= min && _segments[1].FirstSequence - 1 <= min)
        {
            var segment = _segments[0];
            try
            {
                File.Delete(segment.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                break; // kept for now; retried on the next commit
            }
            _segments.RemoveAt(0);
            _bytesUsed -= segment.Length;
            deleted = true;
        }
        if (!deleted) return;
        DirectorySync.Flush(_directory);
        _spaceFreed.TrySetResult();
        _spaceFreed = NewSignal();
    }

    private string CheckpointPath(string name) => Path.Combine(_directory, name + CheckpointExtension);

    /// <summary>Replaces a checkpoint atomically: write a temporary file, flush it, rename it over
    /// the old one, flush the folder. A crash leaves either the old or the new value.</summary>
    private void WriteCheckpointFile(string name, long sequence)
    {
        var path = CheckpointPath(name);
        var temp = path + TempExtension;
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1))
        {
            file.Write(Encoding.ASCII.GetBytes(sequence.ToString(CultureInfo.InvariantCulture) + "\n"));
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(_directory);
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_closing, this);
        if (_fault is not null) throw new JournalException(_fault.Message, _directory, inner: _fault);
    }

    private static void ValidateConsumerName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw new ArgumentException($"consumer name must be 1-64 letters, digits, '_' or '-', got \"{name}\"", nameof(name));
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // ---- recovery ----

    private static MessageJournal Recover(JournalOptions options, string directory, FileStream lockFile)
    {
        foreach (var temp in Directory.EnumerateFiles(directory, "*" + TempExtension))
            File.Delete(temp);

        var segments = new List<Segment>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + RecordFormat.SegmentExtension))
            if (RecordFormat.TryParseSegmentFileName(Path.GetFileName(path), out var first))
                segments.Add(new Segment(path, first) { Length = new FileInfo(path).Length });
        segments.Sort((a, b) => a.FirstSequence.CompareTo(b.FirstSequence));

        var checkpoints = new Dictionary<string, long>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + CheckpointExtension))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                checkpoints[name] = value;
            else
                unreadable.Add(name);
        }

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
            segments.Add(CreateSegmentFile(directory, next));

        // A damaged checkpoint cannot be trusted to be low enough: re-read all that is retained.
        foreach (var name in unreadable) checkpoints[name] = segments[0].FirstSequence - 1;

        return new MessageJournal(options, lockFile, segments, checkpoints, next, truncated);
    }

    private static void CheckClosedSegmentHeader(Segment segment)
    {
        Span<byte> header = stackalloc byte[RecordFormat.SegmentHeaderBytes];
        using var file = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || !RecordFormat.IsValidSegmentHeader(header, segment.FirstSequence))
            throw new JournalException($"Journal segment {segment.Path} has a damaged header; it was closed cleanly, so this is not a crash's torn write.", segment.Path, 0);
    }

    /// <summary>Scans the last segment and cuts it after its last intact record. After a crash only
    /// the records of the group being written can be torn, and their appends had not completed.</summary>
    private static long RecoverTail(string directory, Segment segment)
    {
        var data = File.ReadAllBytes(segment.Path);
        if (data.Length < RecordFormat.SegmentHeaderBytes || !RecordFormat.IsValidSegmentHeader(data, segment.FirstSequence))
        {
            // Torn while the segment was being created: start it again.
            var fresh = CreateSegmentFile(directory, segment.FirstSequence);
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

    private sealed class Segment(string path, long firstSequence)
    {
        public string Path { get; } = path;
        public long FirstSequence { get; } = firstSequence;
        /// <summary>The last record's sequence number; FirstSequence - 1 while empty.</summary>
        public long LastSequence { get; set; }
        public long Length { get; set; }
    }

    private sealed class PendingAppend(byte[] topic, byte[] payload, long receivedUtcTicks, int frameLength)
    {
        public byte[] Topic { get; } = topic;
        public byte[] Payload { get; } = payload;
        public long ReceivedUtcTicks { get; } = receivedUtcTicks;
        public int FrameLength { get; } = frameLength;
        public long Sequence { get; set; }
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
