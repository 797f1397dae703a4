using System.Text;

namespace Logistics.Telemetry.Journal;

/// <summary>The durable, segmented, append-only log of every MQTT message the listener receives.
/// The listener appends a message and acknowledges it to the broker only when
/// <see cref="AppendAsync"/> has completed, i.e. when the record is on disk (fsync). Named consumers
/// (<see cref="OpenConsumer"/>) read it in order from their own persisted checkpoints.
/// File format, guarantees and the disk cap: docs/telemetry.md, "Journal".</summary>
/// <remarks>Thread-safe: any number of threads may append at once; records get one total order, that
/// of their sequence numbers. Appends are written and flushed in groups by one background writer, so
/// concurrent (or pipelined) appends share one fsync. What opening finds is <see cref="JournalRecovery"/>'s,
/// the checkpoint files are <see cref="JournalCheckpoints"/>' and which segments may go is
/// <see cref="JournalRetention"/>'s; this type appends, hands records to consumers and keeps the accounts.</remarks>
public sealed class MessageJournal : IAsyncDisposable
{
    private const string LockFileName = "journal.lock";

    private readonly JournalOptions _options;
    private readonly string _directory;
    private readonly FileStream _lockFile;
    private readonly object _gate = new();

    // Guarded by _gate.
    private readonly List<JournalSegment> _segments;
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
    // Sequence numbers are given when a record is queued (in queue order, which is the order they are written in), so
    // that a consumer that reads before durability (OpenConsumer's beforeDurable) sees each record at once.
    private long _nextSequence;
    private TaskCompletionSource _queuedAdvanced = NewSignal();
    private bool _queuedAwaited;

    // Owned by the writer loop.
    private FileStream _active;
    private byte[] _batchBuffer = new byte[64 * 1024];

    // The newest durable records, by sequence modulo the length (written by the writer before it publishes
    // _durableSequence, read without a lock): consumers at the tail read them here instead of from disk.
    private readonly TailEntry?[] _tail;
    // The newest queued records (durable or not yet), by sequence modulo the length: what a consumer that reads before
    // durability reads. The same record objects as in _tail once they are durable, so the parse is shared.
    private readonly JournalRecord?[] _queuedTail;

    // Group commit accounts (written by the writer loop only, read by anyone).
    private long _groups, _groupRecords, _largestGroup;
    private readonly ElapsedTotal _flushTime = new();

    private readonly SemaphoreSlim _wake = new(0);
    private int _wakePending;
    private readonly Task _writer;

    private MessageJournal(JournalOptions options, FileStream lockFile, JournalRecovery.State recovered)
    {
        _options = options;
        _directory = Path.GetFullPath(options.Directory);
        _lockFile = lockFile;
        _segments = recovered.Segments;
        _checkpoints = recovered.Checkpoints;
        _nextSequence = recovered.NextSequence;
        _durableSequence = recovered.NextSequence - 1;
        _bytesUsed = _segments.Sum(s => s.Length);
        _tail = new TailEntry?[options.TailRecords];
        _queuedTail = new JournalRecord?[options.TailRecords];
        TruncatedBytesOnOpen = recovered.TruncatedBytes;
        _active = _segments[^1].OpenForAppend();
        lock (_gate) DeleteConsumedSegments();
        // Its own thread: the loop blocks in fsync most of the time under load, and on a pool thread it took one of the
        // few workers (2 on this 2-core machine) every other part of the listener needs for its hand-offs.
        _writer = Task.Factory.StartNew(WriterLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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
            return new MessageJournal(options, lockFile, JournalRecovery.Recover(directory));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException and not JournalException)
        {
            lockFile.Dispose();
            throw new JournalException($"The journal in {directory} could not be opened: {e.Message}", directory, inner: e);
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
    public long LastSequence => Volatile.Read(ref _durableSequence);

    /// <summary>Groups written and flushed, the records in them and the time their flushes took, since opening.</summary>
    public GroupCommitStats GroupCommits => new(Interlocked.Read(ref _groups), Interlocked.Read(ref _groupRecords),
        Interlocked.Read(ref _largestGroup), _flushTime.Total);

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
    public Task<long> AppendAsync(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt, CancellationToken cancellationToken = default) =>
        // The copy lets the caller reuse its buffer even if it stops waiting before the write.
        Append(topic, payload.ToArray(), receivedAt, cancellationToken);

    /// <summary>As <see cref="AppendAsync"/>, keeping <paramref name="payload"/> itself (no copy): the record read
    /// back from memory is that memory. The caller gives it up: it must never change it (the MQTT client's payloads
    /// are arrays of their own, <see cref="Logistics.Mqtt.MqttMessage.Payload"/>).</summary>
    public Task<long> AppendOwnedAsync(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt, CancellationToken cancellationToken = default) =>
        Append(topic, payload, receivedAt, cancellationToken);

    /// <summary>Queues the record at once when there is room (no state machine: this runs for every message), else
    /// waits for space in <see cref="AppendWaitingAsync"/>; problems come back in the task, as from an async method.</summary>
    private Task<long> Append(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        PendingAppend pending;
        try
        {
            ArgumentNullException.ThrowIfNull(topic);
            var topicBytes = Encoding.UTF8.GetByteCount(topic);
            if (topicBytes > ushort.MaxValue)
                throw new ArgumentException($"topic must be at most {ushort.MaxValue} UTF-8 bytes, got {topicBytes}", nameof(topic));
            var frameLength = RecordFormat.FrameLength(topicBytes, payload.Length);
            if (frameLength > _options.MaxRecordBytes)
                throw new ArgumentException($"record of {frameLength} bytes (topic {topicBytes}, payload {payload.Length}) is larger than {nameof(JournalOptions.MaxRecordBytes)} {_options.MaxRecordBytes}", nameof(payload));
            pending = new PendingAppend(topic, topicBytes, payload, receivedAt.UtcTicks, frameLength);
        }
        catch (ArgumentException e)
        {
            return Task.FromException<long>(e);
        }
        if (!TryQueue(pending)) return AppendWaitingAsync(pending, cancellationToken);
        SignalWriter();
        var written = pending.Completion.Task;
        return cancellationToken.CanBeCanceled ? written.WaitAsync(cancellationToken) : written;
    }

    /// <summary>Queues the record if the journal is usable and has room for it.</summary>
    private bool TryQueue(PendingAppend pending)
    {
        lock (_gate)
        {
            if (_closing || _fault is not null || !HasRoom(pending)) return false;
            Queue(pending);
            return true;
        }
    }

    private bool HasRoom(PendingAppend pending) =>
        _bytesUsed + _bytesReserved + pending.FrameLength + RecordFormat.SegmentHeaderBytes <= _options.DiskCapBytes;

    private void Queue(PendingAppend pending)
    {
        _bytesReserved += pending.FrameLength;
        pending.Assign(_nextSequence++);
        _queue.Enqueue(pending);
        if (_queuedTail.Length > 0) Volatile.Write(ref _queuedTail[pending.Sequence % _queuedTail.Length], pending.Record);
        if (_queuedAwaited)
        {
            _queuedAwaited = false;
            _queuedAdvanced.TrySetResult();
            _queuedAdvanced = NewSignal();
        }
    }

    private async Task<long> AppendWaitingAsync(PendingAppend pending, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task spaceFreed;
            lock (_gate)
            {
                ThrowIfUnusable();
                if (HasRoom(pending))
                {
                    Queue(pending);
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
    /// <param name="beforeDurable">True: the consumer also reads each record as soon as it is queued for writing, before
    /// its fsync (a record read so may still be lost by a crash, and its sequence number then reused; the message was
    /// not acknowledged, so the broker delivers it again). For a consumer whose work may be done twice, which wants
    /// the newest records without the group commit's wait: the alert engine. Its commits are limited to durable records.</param>
    public JournalConsumer OpenConsumer(string name, bool beforeDurable = false)
    {
        JournalCheckpoints.ValidateName(name);
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
                    JournalCheckpoints.Write(_directory, name, checkpoint);
                }
                catch
                {
                    _openConsumers.Remove(name);
                    throw;
                }
                _checkpoints[name] = checkpoint;
            }
        }
        return new JournalConsumer(this, name, checkpoint, beforeDurable);
    }

    /// <summary>Forgets a consumer that is no longer used, so that it stops holding segments back.</summary>
    public void DeleteConsumer(string name)
    {
        JournalCheckpoints.ValidateName(name);
        lock (_gate)
        {
            if (_openConsumers.Contains(name))
                throw new InvalidOperationException($"consumer \"{name}\" is open; dispose it first");
            if (!_checkpoints.Remove(name)) return;
            JournalCheckpoints.Delete(_directory, name);
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
            _queuedAdvanced.TrySetResult();
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

    /// <summary>The last durable sequence number, without the lock (a consumer's fast path).</summary>
    internal long DurableSequence => Volatile.Read(ref _durableSequence);

    /// <summary>The record <paramref name="sequence"/> if it is still among the newest ones kept in memory, with where
    /// the next frame starts on disk (so the consumer can go on reading there).</summary>
    internal bool TryReadTail(long sequence, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TailEntry? entry)
    {
        entry = null;
        if (_tail.Length == 0 || sequence < 1) return false;
        var candidate = Volatile.Read(ref _tail[sequence % _tail.Length]);
        if (candidate is null || candidate.Record.Sequence != sequence) return false;
        entry = candidate;
        return true;
    }

    /// <summary>The record <paramref name="sequence"/>, durable or still queued, if it is among the newest ones kept in memory.</summary>
    internal bool TryReadQueued(long sequence, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JournalRecord? record)
    {
        record = null;
        if (_queuedTail.Length == 0 || sequence < 1) return false;
        var candidate = Volatile.Read(ref _queuedTail[sequence % _queuedTail.Length]);
        if (candidate is null || candidate.Sequence != sequence) return false;
        record = candidate;
        return true;
    }

    /// <summary>The last sequence number queued (durable or not) and a task that completes when another is queued.</summary>
    internal (long Queued, Task Advanced) QueuedState()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            _queuedAwaited = true;
            return (_nextSequence - 1, _queuedAdvanced.Task);
        }
    }

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

    /// <summary>The consumer serializes its own commits; the file is written outside the journal's
    /// lock so that a checkpoint's fsync does not hold up appends.</summary>
    internal void Commit(string name, long sequence)
    {
        lock (_gate)
        {
            ThrowIfUnusable();
            var current = _checkpoints[name];
            // A record read before it was durable may still be lost and its number reused: never skipped past.
            if (sequence > _durableSequence)
                throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"consumer \"{name}\" cannot commit {sequence}: the last durable record is {_durableSequence}");
            if (sequence < current)
                throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"consumer \"{name}\" cannot commit {sequence}: its checkpoint is already {current}");
            if (sequence == current) return;
        }
        JournalCheckpoints.Write(_directory, name, sequence);
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

    private void WriterLoop()
    {
        var batch = new List<PendingAppend>(_options.MaxGroupRecords);
        while (true)
        {
            _wake.Wait();
            Volatile.Write(ref _wakePending, 0);
            if (_options.GroupCommitDelay > TimeSpan.Zero)
            {
                bool wait;
                lock (_gate) wait = _queue.Count > 0 && _queue.Count < _options.MaxGroupRecords && !_closing;
                if (wait) Thread.Sleep(_options.GroupCommitDelay);
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
                JournalSegment active;
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
                        FlushToDisk();
                        lock (_gate)
                        {
                            Account(active, activeLength + used, lastSequence, framesWritten);
                            framesWritten = 0;
                        }
                        active = StartSegment(item.Sequence);
                        activeLength = active.Length;
                        used = 0;
                    }
                    if (_batchBuffer.Length < used + item.FrameLength)
                        Array.Resize(ref _batchBuffer, Math.Max(_batchBuffer.Length * 2, used + item.FrameLength));
                    var frame = _batchBuffer.AsSpan(used, item.FrameLength);
                    // The topic's UTF-8 goes where the frame holds it, then the frame is written over it (an array per
                    // message was the alternative).
                    var topic = frame[^(item.TopicBytes + item.Payload.Length)..][..item.TopicBytes];
                    Encoding.UTF8.GetBytes(item.TopicText, topic);
                    RecordFormat.WriteFrame(frame, item.Sequence, item.ReceivedUtcTicks, topic, item.Payload.Span);
                    used += item.FrameLength;
                    item.SegmentFirst = active.FirstSequence;
                    item.NextOffset = activeLength + used;
                    framesWritten += item.FrameLength;
                    lastSequence = item.Sequence;
                }
                _active.Write(_batchBuffer, 0, used);
                FlushToDisk();
                Interlocked.Increment(ref _groups);
                Interlocked.Add(ref _groupRecords, batch.Count);
                if (batch.Count > _largestGroup) Interlocked.Exchange(ref _largestGroup, batch.Count);
                if (_tail.Length > 0)
                    foreach (var item in batch)
                        Volatile.Write(ref _tail[item.Sequence % _tail.Length], item.ToTailEntry());
                lock (_gate)
                {
                    Account(active, activeLength + used, lastSequence, framesWritten);
                    Volatile.Write(ref _durableSequence, lastSequence);
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

    private void FlushToDisk()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _active.Flush(flushToDisk: true);
        _flushTime.AddSince(started);
    }

    private void Account(JournalSegment segment, long length, long lastSequence, long framesWritten)
    {
        _bytesUsed += length - segment.Length;
        _bytesReserved -= framesWritten;
        segment.Length = length;
        segment.LastSequence = lastSequence;
    }

    /// <summary>Closes a wholly consumed active segment while appends wait for space, so that it can be deleted
    /// (<see cref="JournalRetention.ShouldRollActive"/>).</summary>
    private void RollIfConsumedAndNeeded()
    {
        if (_fault is not null || _closing
            || !JournalRetention.ShouldRollActive(_segments[^1], JournalRetention.MinimumCheckpoint(_checkpoints), _waitingForSpace > 0)) return;
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
    private JournalSegment StartSegment(long firstSequence)
    {
        var segment = JournalSegment.Create(_directory, firstSequence);
        var previous = _active;
        _active = segment.OpenForAppend();
        previous.Dispose();
        lock (_gate)
        {
            _segments.Add(segment);
            _bytesUsed += segment.Length;
        }
        return segment;
    }

    // ---- retention (callers hold _gate) ----

    private void DeleteConsumedSegments()
    {
        var freed = JournalRetention.DeleteConsumed(_segments, JournalRetention.MinimumCheckpoint(_checkpoints));
        if (freed == 0) return;
        _bytesUsed -= freed;
        DirectorySync.Flush(_directory);
        _spaceFreed.TrySetResult();
        _spaceFreed = NewSignal();
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_closing, this);
        if (_fault is not null) throw new JournalException(_fault.Message, _directory, inner: _fault);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A record on its way to disk; itself the source of its append's task (one object less per message).</summary>
    private sealed class PendingAppend(string topicText, int topicBytes, ReadOnlyMemory<byte> payload, long receivedUtcTicks, int frameLength)
        : TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public string TopicText { get; } = topicText;
        public int TopicBytes { get; } = topicBytes;
        public ReadOnlyMemory<byte> Payload { get; } = payload;
        public long ReceivedUtcTicks { get; } = receivedUtcTicks;
        public int FrameLength { get; } = frameLength;
        public long Sequence { get; private set; }
        /// <summary>The record as consumers get it from memory, one object from its queueing on.</summary>
        public JournalRecord? Record { get; private set; }
        public long SegmentFirst { get; set; }
        public long NextOffset { get; set; }
        public TaskCompletionSource<long> Completion => this;

        public void Assign(long sequence)
        {
            Sequence = sequence;
            Record = new JournalRecord(sequence, RecordFormat.TimeOf(ReceivedUtcTicks), TopicText, Payload);
        }

        public TailEntry ToTailEntry() => new(Record!, SegmentFirst, NextOffset);
    }
}

/// <summary>A durable record kept in memory, and where the frame after it starts: in the segment that begins with
/// <paramref name="SegmentFirst"/>, at byte <paramref name="NextOffset"/>.</summary>
internal sealed record TailEntry(JournalRecord Record, long SegmentFirst, long NextOffset)
{
}
