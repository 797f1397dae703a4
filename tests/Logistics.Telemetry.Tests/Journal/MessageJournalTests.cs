using System.Text;
using Logistics.Telemetry.Journal;

namespace Logistics.Telemetry.Tests.Journal;

public class MessageJournalTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 22, 8, 15, 30, 123, TimeSpan.Zero);
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    private static JournalOptions Options(TempFolder folder, long segmentBytes = 64L * 1024 * 1024, long? cap = null) =>
        new() { Directory = folder.Path, SegmentBytes = segmentBytes, DiskCapBytes = cap ?? 2 * 1024L * 1024 * 1024, MaxRecordBytes = (int)Math.Min(segmentBytes - 16, 2 * 1024 * 1024) };

    private static byte[] Payload(long i) => Encoding.UTF8.GetBytes($"{{\"truck\":\"T-017\",\"seq\":{i},\"pad\":\"{new string('x', 64)}\"}}");

    private static async Task AppendMany(MessageJournal journal, int count, int from = 1)
    {
        for (var i = from; i < from + count; i++)
            await journal.AppendAsync("fleet/T-017/telemetry", Payload(i), Received.AddSeconds(i), Timeout);
    }

    private static async Task<List<JournalRecord>> ReadMany(JournalConsumer consumer, int count)
    {
        var records = new List<JournalRecord>();
        for (var i = 0; i < count; i++) records.Add(await consumer.ReadAsync(Timeout));
        return records;
    }

    [Fact]
    public async Task A_record_reads_back_exactly_as_appended()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(Options(folder));
        var payload = new byte[] { 0, 1, 2, 255, 0x7b };
        Assert.Equal(1, await journal.AppendAsync("fleet/T-é/status", payload, Received, Timeout));
        Assert.Equal(2, await journal.AppendAsync("fleet/T-017/telemetry", ReadOnlyMemory<byte>.Empty, Received.AddTicks(1), Timeout));
        using var consumer = journal.OpenConsumer("influx");
        var first = await consumer.ReadAsync(Timeout);
        Assert.Equal((1L, "fleet/T-é/status", Received), (first.Sequence, first.Topic, first.ReceivedAt));
        Assert.Equal(payload, first.Payload.ToArray());
        var second = await consumer.ReadAsync(Timeout);
        Assert.Equal((2L, Received.AddTicks(1), 0), (second.Sequence, second.ReceivedAt, second.Payload.Length));
        Assert.Equal(2, journal.LastSequence);
    }

    [Fact]
    public async Task A_reader_waits_for_the_next_record()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(Options(folder));
        using var consumer = journal.OpenConsumer("alerts");
        var read = consumer.ReadAsync(Timeout).AsTask();
        await Task.Delay(100);
        Assert.False(read.IsCompleted);
        await journal.AppendAsync("fleet/T-017/telemetry", Payload(1), Received, Timeout);
        Assert.Equal(1, (await read).Sequence);
    }

    [Fact]
    public async Task A_restart_continues_the_sequence_and_each_consumer_resumes_after_its_commit()
    {
        using var folder = new TempFolder();
        await using (var journal = MessageJournal.Open(Options(folder)))
        {
            await AppendMany(journal, 10);
            using var influx = journal.OpenConsumer("influx");
            using var alerts = journal.OpenConsumer("alerts");
            await ReadMany(influx, 7);
            influx.Commit(6); // the 7th was read but not committed: it comes again
            await ReadMany(alerts, 3);
            alerts.Commit(3);
        }
        await using (var journal = MessageJournal.Open(Options(folder)))
        {
            Assert.Equal(0, journal.TruncatedBytesOnOpen);
            Assert.Equal(10, journal.LastSequence);
            Assert.Equal(11, await journal.AppendAsync("fleet/T-017/telemetry", Payload(11), Received, Timeout));
            Assert.Equal(new Dictionary<string, long> { ["influx"] = 6, ["alerts"] = 3 }, journal.Checkpoints);
            using var influx = journal.OpenConsumer("influx");
            Assert.Equal([7L, 8, 9, 10, 11], (await ReadMany(influx, 5)).Select(r => r.Sequence));
            using var alerts = journal.OpenConsumer("alerts");
            Assert.Equal(4, (await alerts.ReadAsync(Timeout)).Sequence);
        }
    }

    [Fact]
    public async Task A_torn_last_record_is_cut_off_at_every_byte_and_the_records_before_it_survive()
    {
        using var original = new TempFolder();
        await using (var journal = MessageJournal.Open(Options(original)))
            await AppendMany(journal, 5);
        var segmentName = Path.GetFileName(Assert.Single(original.Segments()));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(original.Path, segmentName));
        var lastFrame = 8 + 18 + "fleet/T-017/telemetry".Length + Payload(5).Length;
        var lastStart = bytes.Length - lastFrame;
        for (var cut = lastStart; cut < bytes.Length; cut++)
        {
            using var copy = new TempFolder();
            await File.WriteAllBytesAsync(Path.Combine(copy.Path, segmentName), bytes[..cut]);
            await using var journal = MessageJournal.Open(Options(copy));
            Assert.Equal(cut - lastStart, journal.TruncatedBytesOnOpen);
            Assert.Equal(4, journal.LastSequence);
            using var consumer = journal.OpenConsumer("influx");
            var records = await ReadMany(consumer, 4);
            Assert.Equal([1L, 2, 3, 4], records.Select(r => r.Sequence));
            Assert.Equal(Payload(4), records[3].Payload.ToArray());
            Assert.Equal(5, await journal.AppendAsync("fleet/T-017/telemetry", Payload(5), Received, Timeout));
            Assert.Equal(Payload(5), (await consumer.ReadAsync(Timeout)).Payload.ToArray());
        }
    }

    [Fact]
    public async Task A_flipped_byte_in_the_last_segment_is_detected_by_its_crc_and_cut_off_there()
    {
        using var folder = new TempFolder();
        await using (var journal = MessageJournal.Open(Options(folder)))
            await AppendMany(journal, 5);
        var segment = Assert.Single(folder.Segments());
        var bytes = await File.ReadAllBytesAsync(segment);
        var frame = 8 + 18 + "fleet/T-017/telemetry".Length + Payload(1).Length;
        bytes[16 + 3 * frame + 40] ^= 0x01; // inside record 4's payload
        await File.WriteAllBytesAsync(segment, bytes);
        await using var reopened = MessageJournal.Open(Options(folder));
        Assert.Equal(3, reopened.LastSequence);
        Assert.Equal(2 * frame, reopened.TruncatedBytesOnOpen);
    }

    [Fact]
    public async Task A_flipped_byte_in_a_closed_segment_makes_the_reader_fail_naming_the_file()
    {
        using var folder = new TempFolder();
        await using (var journal = MessageJournal.Open(Options(folder, segmentBytes: 1024)))
            await AppendMany(journal, 20);
        var first = folder.Segments()[0];
        var bytes = await File.ReadAllBytesAsync(first);
        bytes[16 + 8 + 30] ^= 0x40; // inside record 1's body
        await File.WriteAllBytesAsync(first, bytes);
        await using var reopened = MessageJournal.Open(Options(folder, segmentBytes: 1024));
        using var consumer = reopened.OpenConsumer("influx");
        var e = await Assert.ThrowsAsync<JournalException>(() => consumer.ReadAsync(Timeout).AsTask());
        Assert.Equal(first, e.FilePath);
        Assert.Equal(16, e.Offset);
        Assert.Contains("CRC", e.Message);
    }

    [Fact]
    public async Task Segments_roll_at_the_size_and_are_deleted_once_every_consumer_has_committed_past_them()
    {
        using var folder = new TempFolder();
        var options = Options(folder, segmentBytes: 1024);
        await using (var journal = MessageJournal.Open(options))
        {
            using var influx = journal.OpenConsumer("influx");
            using var alerts = journal.OpenConsumer("alerts");
            await AppendMany(journal, 40);
            var segments = folder.Segments();
            Assert.True(segments.Length >= 5, $"{segments.Length} segments");
            Assert.All(segments, s => Assert.True(new FileInfo(s).Length <= 1024));
            Assert.Equal(segments.Sum(s => new FileInfo(s).Length), journal.BytesUsed);

            await ReadMany(influx, 40);
            influx.Commit(40);
            Assert.Equal(segments, folder.Segments()); // alerts still needs them all

            await ReadMany(alerts, 20);
            alerts.Commit(20);
            var left = folder.Segments();
            Assert.True(left.Length < segments.Length);
            Assert.InRange(journal.FirstRetainedSequence, 2, 21);
            Assert.Equal(left.Sum(s => new FileInfo(s).Length), journal.BytesUsed);
        }
        await using (var journal = MessageJournal.Open(options))
        {
            using var alerts = journal.OpenConsumer("alerts");
            Assert.Equal(Enumerable.Range(21, 20).Select(i => (long)i), (await ReadMany(alerts, 20)).Select(r => r.Sequence));
            Assert.Equal(41, await journal.AppendAsync("t", Payload(41), Received, Timeout));
        }
    }

    /// <summary>Waits for the append unless the journal says it holds it back at the cap: a slow
    /// flush on a busy disk is not mistaken for the cap.</summary>
    private static async Task<bool> CompletesUnlessHeldAtCapAsync(MessageJournal journal, Task<long> append)
    {
        while (!append.IsCompleted)
        {
            if (journal.State == JournalState.Full)
            {
                // Held back, unless it completes at once (a commit raced with the check).
                await Task.WhenAny(append, Task.Delay(50));
                return append.IsCompleted;
            }
            await Task.WhenAny(append, Task.Delay(10));
        }
        await append;
        return true;
    }

    [Fact]
    public async Task At_the_disk_cap_appends_wait_until_a_commit_frees_space_and_nothing_is_dropped()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(Options(folder, segmentBytes: 1024, cap: 2048));
        using var consumer = journal.OpenConsumer("influx");
        var appended = 0;
        Task<long> blocked;
        while (true)
        {
            var append = journal.AppendAsync("fleet/T-017/telemetry", Payload(appended + 1), Received, Timeout);
            if (!await CompletesUnlessHeldAtCapAsync(journal, append))
            {
                blocked = append;
                break;
            }
            await append;
            appended++;
            Assert.True(appended < 100, "the cap never held an append back");
        }
        Assert.Equal(JournalState.Full, journal.State);
        Assert.True(journal.BytesUsed <= 2048, $"{journal.BytesUsed} bytes used");

        var records = await ReadMany(consumer, appended);
        consumer.Commit(records[^1].Sequence);
        Assert.Equal(appended + 1, await blocked.WaitAsync(Timeout));
        Assert.NotEqual(JournalState.Full, journal.State);
        Assert.Equal(Payload(appended + 1), (await consumer.ReadAsync(Timeout)).Payload.ToArray());
        Assert.Equal(Enumerable.Range(1, appended).Select(i => (long)i), records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task An_append_waiting_at_the_cap_can_be_cancelled()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(Options(folder, segmentBytes: 1024, cap: 2048));
        using var consumer = journal.OpenConsumer("influx");
        using var cancel = new CancellationTokenSource();
        Task<long> append;
        do append = journal.AppendAsync("t", Payload(1), Received, cancel.Token);
        while (await CompletesUnlessHeldAtCapAsync(journal, append));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => append);
    }

    [Fact]
    public async Task Concurrent_appenders_lose_nothing_and_every_reader_sees_one_order()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(Options(folder, segmentBytes: 64 * 1024));
        const int writers = 8, each = 400;
        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var sequences = new List<long>();
            for (var i = 0; i < each; i++)
                sequences.Add(await journal.AppendAsync($"fleet/W{w}/telemetry", Encoding.UTF8.GetBytes($"{w}:{i}"), Received, Timeout));
            return sequences;
        })));
        var all = results.SelectMany(s => s).Order().ToList();
        Assert.Equal(Enumerable.Range(1, writers * each).Select(i => (long)i), all);
        Assert.All(results, s => Assert.Equal(s.Order(), s)); // each writer's own order is kept

        using var consumer = journal.OpenConsumer("influx");
        var records = await ReadMany(consumer, writers * each);
        Assert.Equal(all, records.Select(r => r.Sequence));
        for (var w = 0; w < writers; w++)
            Assert.Equal(Enumerable.Range(0, each).Select(i => $"{w}:{i}"),
                records.Where(r => r.Topic == $"fleet/W{w}/telemetry").Select(r => Encoding.UTF8.GetString(r.Payload.Span)));
    }

    [Fact]
    public async Task Pipelined_appends_share_their_fsyncs_and_the_group_commit_accounts_say_so()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(Options(folder));
        Assert.Equal(default, journal.GroupCommits);
        const int appends = 500;
        // Appended one after another without waiting, as the listener's intake does: all queue while a flush runs.
        var pending = Enumerable.Range(0, appends).Select(i => journal.AppendAsync("fleet/T-001/telemetry", Encoding.UTF8.GetBytes($"{i}"), Received, Timeout)).ToList();
        await Task.WhenAll(pending);

        var commits = journal.GroupCommits;
        Assert.Equal(appends, commits.Records);
        Assert.InRange(commits.Groups, 1, appends / 2);
        Assert.InRange(commits.LargestGroup, commits.RecordsPerGroup, Options(folder).MaxGroupRecords);
        Assert.True(commits.FlushTime > TimeSpan.Zero);
    }

    [Fact]
    public async Task Commits_are_checked_against_what_was_read_and_the_checkpoint()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(Options(folder));
        await AppendMany(journal, 3);
        using var consumer = journal.OpenConsumer("influx");
        await ReadMany(consumer, 2);
        var beyond = Assert.Throws<ArgumentOutOfRangeException>(() => consumer.Commit(3));
        Assert.Contains("3", beyond.Message);
        consumer.Commit(2);
        Assert.Equal(2, consumer.Checkpoint);
        Assert.Throws<ArgumentOutOfRangeException>(() => consumer.Commit(1));
        Assert.Throws<InvalidOperationException>(() => journal.OpenConsumer("influx"));
        Assert.Throws<ArgumentException>(() => journal.OpenConsumer("no/slashes"));
    }

    [Fact]
    public async Task A_second_process_cannot_open_the_same_folder()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(Options(folder));
        var e = Assert.Throws<JournalException>(() => MessageJournal.Open(Options(folder)));
        Assert.Contains(folder.Path, e.Message);
    }

    [Fact]
    public void Invalid_options_name_the_setting_and_its_value()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MessageJournal.Open(Options(folder, segmentBytes: 1024, cap: 1500)));
        Assert.Equal("DiskCapBytes", e.ParamName);
        Assert.Contains("1500", e.Message);
    }

    [Fact]
    public async Task Consumers_at_the_tail_share_one_record_and_what_the_first_derived_from_it()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(Options(folder));
        await AppendMany(journal, 3);
        using var alerts = journal.OpenConsumer("alerts");
        using var influx = journal.OpenConsumer("influx");
        var parses = 0;
        Func<JournalRecord, string> parse = r => { parses++; return Encoding.UTF8.GetString(r.Payload.Span); };
        foreach (var (a, b) in (await ReadMany(alerts, 3)).Zip(await ReadMany(influx, 3)))
        {
            Assert.Same(a, b);
            Assert.Same(a.Derived(parse), b.Derived(parse));
        }
        Assert.Equal(3, parses);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(0, true)]
    [InlineData(4, true)]
    public async Task A_consumer_that_falls_behind_the_records_kept_in_memory_reads_on_from_disk_in_order(int tailRecords, bool beforeDurable)
    {
        using var folder = new TempFolder();
        // Small segments, so that reading moves between memory and several files.
        await using var journal = MessageJournal.Open(Options(folder, segmentBytes: 1024) with { TailRecords = tailRecords });
        using var consumer = journal.OpenConsumer("influx", beforeDurable);
        var read = new List<JournalRecord>();
        for (var round = 0; round < 5; round++)
        {
            // Two at the tail (read from memory when it holds them), then ten appended at once: more than it holds.
            await AppendMany(journal, 2, from: round * 12 + 1);
            read.AddRange(await ReadMany(consumer, 2));
            await AppendMany(journal, 10, from: round * 12 + 3);
            read.AddRange(await ReadMany(consumer, 10));
        }
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), read.Select(r => r.Sequence));
        Assert.All(read, r => Assert.Equal(Payload(r.Sequence), r.Payload.ToArray()));
        Assert.All(read, r => Assert.Equal(Received.AddSeconds(r.Sequence), r.ReceivedAt));
    }

    [Fact]
    public async Task A_consumer_that_reads_before_durability_gets_a_record_before_its_fsync_and_commits_only_durable_ones()
    {
        using var folder = new TempFolder();
        // The writer holds a lone record back for a second before its write and fsync: the window to read it in.
        await using var journal = MessageJournal.Open(Options(folder) with { GroupCommitDelay = TimeSpan.FromSeconds(1) });
        using var early = journal.OpenConsumer("alerts", beforeDurable: true);
        using var durable = journal.OpenConsumer("influx");
        var waiting = durable.ReadAsync(Timeout).AsTask();
        var append = journal.AppendAsync("fleet/T-017/telemetry", Payload(1), Received, Timeout);

        var record = await early.ReadAsync(Timeout);
        Assert.Equal(1, record.Sequence);
        Assert.Equal(Payload(1), record.Payload.ToArray());
        Assert.False(append.IsCompleted);
        Assert.False(waiting.IsCompleted);
        // Read, but not durable: a crash could still lose it and give its number to another record.
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => early.Commit(1));
        Assert.Contains("durable", refused.Message);

        Assert.Equal(1, await append);
        Assert.Same(record, await waiting); // the same object for both: the parse is shared
        early.Commit(1);
        Assert.Equal(1, journal.Checkpoints["alerts"]);
    }
}
