using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Listener;
using Logistics.Telemetry.Readings;
using Logistics.Telemetry.Tests.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Logistics.Telemetry.Tests.Listener;

public class InfluxWriterTests
{
    private static readonly RetentionPolicy Policy = new("cold_chain", TimeSpan.FromDays(760));

    /// <summary>InfluxDB as far as the writer sees it: the database and policy exist; each write is held until the
    /// test lets it through, by the device seq of its first line (the writes of two batches may arrive in either order).</summary>
    private sealed class HeldInflux : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource> _gates = new();
        private int _writes;

        public ConcurrentDictionary<int, string> Bodies { get; } = new();

        public int Writes => Volatile.Read(ref _writes);

        public void Release(int firstSeq) => Gate(firstSeq).TrySetResult();

        private TaskCompletionSource Gate(int firstSeq) => _gates.GetOrAdd(firstSeq, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            if (request.RequestUri!.AbsolutePath.EndsWith("/query"))
            {
                var answer = body.Contains("SHOW+DATABASES")
                    ? """{"results":[{"statement_id":0,"series":[{"name":"databases","columns":["name"],"values":[["logistics"]]}]}]}"""
                    : """{"results":[{"statement_id":0,"series":[{"columns":["name","duration","shardGroupDuration","replicaN","default"],"values":[["cold_chain","18240h0m0s","168h0m0s",1,true]]}]}]}""";
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer) };
            }
            var firstSeq = int.Parse(body[(body.IndexOf(" seq=", StringComparison.Ordinal) + 5)..body.IndexOf("i,", StringComparison.Ordinal)]);
            Bodies[firstSeq] = body;
            Interlocked.Increment(ref _writes);
            await Gate(firstSeq).Task.WaitAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }

    private static byte[] Telemetry(int seq) => Encoding.UTF8.GetBytes(
        $$"""{"truck":"T-017","seq":{{seq}},"ts":"{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}","readings":[{"sensor":"front","temperature_c":4.5,"humidity_pct":60},{"sensor":"rear","temperature_c":5.5}],"door_open":false}""");

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen within 20 s");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Two_batches_are_written_at_once_and_the_checkpoint_passes_them_in_journal_order()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(new JournalOptions { Directory = folder.Path });
        var influx = new HeldInflux();
        var client = new InfluxDbClient(new HttpClient(influx), new InfluxDbConnection(new Uri("http://influx.test:8086"), "logistics", "u", "p"),
            new InfluxDbClientOptions { Gzip = false });
        var counters = new TelemetryCounters();
        // Three lines a message (two readings, the door): a batch is sent at 4 lines or more, i.e. every two messages.
        var options = new ListenerOptions { BatchSize = 20, WritesInFlight = 2, FlushInterval = TimeSpan.FromMilliseconds(50) };
        using var writer = new InfluxWriter(journal, client, new TelemetryParser(), counters, options, Policy, NullLogger<InfluxWriter>.Instance);
        for (var seq = 1; seq <= 6; seq++) await journal.AppendAsync("fleet/T-017/telemetry", Telemetry(seq), DateTimeOffset.UtcNow);

        await writer.StartAsync(CancellationToken.None);
        await Eventually(() => influx.Writes == 2, "two writes on their way");
        await Task.Delay(200);
        Assert.Equal(2, influx.Writes); // the third batch waits for the oldest write
        Assert.Equal(0, journal.Checkpoints[InfluxWriter.ConsumerName]);

        influx.Release(3);
        await Task.Delay(200);
        Assert.Equal(0, journal.Checkpoints[InfluxWriter.ConsumerName]); // stored, but the batch before it is not yet

        influx.Release(1);
        await Eventually(() => journal.Checkpoints[InfluxWriter.ConsumerName] == 4, "the checkpoint past both stored batches");
        await Eventually(() => influx.Writes == 3, "the third write");
        influx.Release(5);
        await Eventually(() => journal.Checkpoints[InfluxWriter.ConsumerName] == 6, "the checkpoint at the end");
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(12, counters.ReadingsStored);
        Assert.Equal(6, counters.MessagesStored);
        var lines = influx.Bodies.OrderBy(b => b.Key).SelectMany(b => b.Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(18, lines.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(seq => $"seq={seq}i"),
            lines.Where(l => l.StartsWith("readings,sensor=front,")).Select(l => l.Split(' ')[1].Split(',')[0]).Order());
    }

    [Fact]
    public async Task A_batch_still_on_its_way_at_a_stop_is_not_committed_and_is_written_again_next_time()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(new JournalOptions { Directory = folder.Path });
        var influx = new HeldInflux();
        var client = new InfluxDbClient(new HttpClient(influx), new InfluxDbConnection(new Uri("http://influx.test:8086"), "logistics", "u", "p"),
            new InfluxDbClientOptions { Gzip = false });
        var options = new ListenerOptions { BatchSize = 20, WritesInFlight = 4, FlushInterval = TimeSpan.FromMilliseconds(50) };
        for (var seq = 1; seq <= 4; seq++) await journal.AppendAsync("fleet/T-017/telemetry", Telemetry(seq), DateTimeOffset.UtcNow);

        using (var writer = new InfluxWriter(journal, client, new TelemetryParser(), new TelemetryCounters(), options, Policy, NullLogger<InfluxWriter>.Instance))
        {
            await writer.StartAsync(CancellationToken.None);
            await Eventually(() => influx.Writes == 2, "both writes on their way");
            influx.Release(3);
            await Task.Delay(200);
            await writer.StopAsync(CancellationToken.None);
        }
        Assert.Equal(0, journal.Checkpoints[InfluxWriter.ConsumerName]);

        var firstBody = influx.Bodies[1];
        influx.Release(1);
        using (var writer = new InfluxWriter(journal, client, new TelemetryParser(), new TelemetryCounters(), options, Policy, NullLogger<InfluxWriter>.Instance))
        {
            await writer.StartAsync(CancellationToken.None);
            await Eventually(() => journal.Checkpoints[InfluxWriter.ConsumerName] == 4, "every record stored after the restart");
            await writer.StopAsync(CancellationToken.None);
        }
        Assert.Equal(firstBody, influx.Bodies[1]); // written again, the same lines
        Assert.Equal(4, influx.Writes);
    }
}
