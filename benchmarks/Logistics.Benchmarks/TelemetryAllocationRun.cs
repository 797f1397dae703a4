using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text.Json;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Listener;
using Logistics.Telemetry.Readings;

namespace Logistics.Benchmarks;

/// <summary>Bytes allocated per message by each stage of the listener's hot path, through the real code: the journal's
/// append (as the intake calls it: the payload handed over, many in flight, a cancellable token), a consumer's read, the parse, the alert engine
/// (as the alert processor calls it, with a tick every 1,000 messages) and the InfluxDB line protocol (as the writer
/// fills its batch). The fleet simulator's message shape: 50 trucks, 2-4 sensors (2.5 on average), door and location,
/// 200 messages/s per truck. Deterministic (a fixed seed; no broker, no InfluxDB); the allocation counter is the
/// process's, so nothing else runs meanwhile, and the least of three rounds is kept. The MQTT receive is measured by
/// tests/Logistics.Mqtt.Tests AllocationTests (the payload array, nothing else).
/// With <c>--types</c> it also prints each stage's allocation by type (the runtime's sampled allocation events, one
/// every ~100 KB, so a type's share is an estimate).
///   dotnet run -c Release --project benchmarks/Logistics.Benchmarks -- telemetry-alloc [messages=50000] [--types]</summary>
internal static class TelemetryAllocationRun
{
    private const int Trucks = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var types = args.Contains("--types");
        args = args.Where(a => a != "--types").ToArray();
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        using var sampler = types ? new AllocationSampler() : null;
        var directory = Path.Combine(Path.GetTempPath(), $"telemetry-alloc-{Environment.ProcessId}");
        try
        {
            var stages = new Dictionary<string, double>();
            void Keep(string stage, double bytes) => stages[stage] = Math.Min(stages.GetValueOrDefault(stage, double.MaxValue), bytes);
            // The sampled types of the last measured round's stage, printed after the figures.
            var byType = new Dictionary<string, IReadOnlyList<(string Type, long Bytes)>>();
            long Allocated()
            {
                sampler?.Reset();
                return GC.GetTotalAllocatedBytes(precise: true);
            }
            double PerMessage(string stage, long before)
            {
                var bytes = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)count;
                if (sampler is not null) byType[stage] = sampler.Top(8);
                return bytes;
            }
            var start = new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
            // Warm-up round, then three measured rounds; every round is a new journal over the next ten minutes' messages,
            // the parser, engine and batch are the long-running service's (their trucks, channels and buffers made).
            var parser = new TelemetryParser();
            var engine = new AlertEngine(new AlertOptions());
            var batch = new LineProtocolBatch();
            for (var round = 0; round < 4; round++)
            {
                var roundDirectory = Path.Combine(directory, round.ToString(CultureInfo.InvariantCulture));
                var messages = Messages(count, start.AddMinutes(round * 10), seed: round);
                var journal = MessageJournal.Open(new JournalOptions { Directory = roundDirectory, TailRecords = count + 1 });
                await using (journal)
                {
                    using var stopping = new CancellationTokenSource();
                    var appends = new Task<long>[count];
                    var bytes = Allocated();
                    for (var i = 0; i < count; i++)
                    {
                        var (topic, payload, receivedAt) = messages[i];
                        appends[i] = journal.AppendOwnedAsync(topic, payload, receivedAt, stopping.Token);
                        // As the intake: at most MaxUnacknowledged (default 1,000) in flight.
                        if (i >= 1000) await appends[i - 1000];
                    }
                    // The earlier ones were awaited in the loop (WhenAll would copy the array into the figure).
                    for (var i = Math.Max(0, count - 1000); i < count; i++) await appends[i];
                    var append = PerMessage("journal append", bytes);

                    var records = new JournalRecord[count];
                    using var consumer = journal.OpenConsumer("alerts");
                    bytes = Allocated();
                    for (var i = 0; i < count; i++) records[i] = await consumer.ReadAsync(stopping.Token);
                    var read = PerMessage("journal read", bytes);

                    var parsed = new ParsedRecord[count];
                    bytes = Allocated();
                    for (var i = 0; i < count; i++) parsed[i] = ParsedRecord.Parse(records[i], parser);
                    var parse = PerMessage("parse", bytes);
                    if (parsed.FirstOrDefault(p => p.Rejection is not null) is { Rejection: { } refused })
                        throw new InvalidOperationException($"the bench's own message was refused: {refused.Message}");

                    var events = 0;
                    bytes = Allocated();
                    for (var i = 0; i < count; i++)
                    {
                        events += AlertProcessor.Evaluate(engine, parsed[i]).Count;
                        if (i % 1000 == 999) events += engine.Tick(records[i].ReceivedAt).Count;
                    }
                    var alerts = PerMessage("alert engine", bytes);

                    batch.Clear();
                    var readings = 0;
                    bytes = Allocated();
                    for (var i = 0; i < count; i++)
                    {
                        readings += ReadingPoints.Append(parsed[i], batch).Readings;
                        if (batch.Count >= 5000 - 16) batch.Clear();
                    }
                    var lines = PerMessage("line protocol", bytes);

                    if (round == 0)
                    {
                        Console.WriteLine($"{count:N0} messages, {readings:N0} readings ({readings / (double)count:0.00} a message), " +
                                          $"payload {messages.Average(m => m.Payload.Length):0} bytes on average, {events} alert events");
                        continue;
                    }
                    Keep("journal append", append);
                    Keep("journal read", read);
                    Keep("parse", parse);
                    Keep("alert engine", alerts);
                    Keep("line protocol", lines);
                }
            }
            Console.WriteLine("bytes allocated per message (least of 3 rounds):");
            foreach (var (stage, bytes) in stages) Console.WriteLine($"  {stage,-15} {bytes,8:0.0}");
            Console.WriteLine($"  {"total",-15} {stages.Values.Sum(),8:0.0}");
            TickWithAFullWindow();
            foreach (var (stage, top) in byType)
            {
                Console.WriteLine($"{stage}, sampled by type (bytes a message, estimated):");
                foreach (var (type, bytes) in top) Console.WriteLine($"  {bytes / (double)count,8:0.0}  {type}");
            }
            return 0;
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>What the alert engine's tick costs (under its lock) while the reorder window is full: 50 trucks at
    /// 200 messages/s each hold 3,000 messages in the default 15 s window, and the tick releases none of them. The least
    /// of 50 ticks, so a busy machine shows in the spread less than in the figure.</summary>
    private static void TickWithAFullWindow()
    {
        var engine = new AlertEngine(new AlertOptions());
        var start = new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
        const int held = 3000;
        for (var seq = 0; seq < held; seq++)
            for (var truck = 1; truck <= Trucks; truck++)
            {
                var at = start.AddMilliseconds(seq * 5.0);
                engine.Accept(new TelemetryMessage($"T-{truck:000}", seq, at, [new SensorReading("front", 5, 60)], null, null), at);
            }
        var now = start.AddMilliseconds((held - 1) * 5.0);   // the last receipt: the first one is not yet the window old
        var least = double.MaxValue;
        for (var i = 0; i < 50; i++)
        {
            var begun = Stopwatch.GetTimestamp();
            var events = engine.Tick(now);
            least = Math.Min(least, Stopwatch.GetElapsedTime(begun).TotalMicroseconds);
            if (events.Count > 0) throw new InvalidOperationException("the tick released messages the window still holds");
        }
        if (engine.LastEvaluated("T-001") is not null) throw new InvalidOperationException("the window released messages");
        Console.WriteLine($"alert engine tick with {Trucks * held:N0} held messages ({Trucks} trucks x {held:N0}), none due: {least:N1} µs (least of 50)");
    }

    /// <summary>The runtime's GCAllocationTick events (one per ~100 KB allocated, with the type that crossed the mark).</summary>
    private sealed class AllocationSampler : EventListener
    {
        private readonly Dictionary<string, long> _bytes = [];

        public void Reset()
        {
            lock (_bytes) _bytes.Clear();
        }

        public IReadOnlyList<(string Type, long Bytes)> Top(int count)
        {
            lock (_bytes) return _bytes.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value)).ToList();
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            // GC keyword (1), verbose: the allocation ticks.
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
            var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (_bytes) _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }

    /// <summary>The fleet simulator's payloads (Logistics.Simulators.Fleet TelemetryPayload): trucks in turn, each
    /// 5 ms of device time after its last, received 40-60 ms after its device time.</summary>
    private static (string Topic, byte[] Payload, DateTimeOffset ReceivedAt)[] Messages(int count, DateTimeOffset start, int seed)
    {
        var random = new Random(seed);
        string[] sensors = ["front", "middle", "rear", "door"];
        var topics = Enumerable.Range(1, Trucks).Select(t => $"fleet/T-{t:000}/telemetry").ToArray();
        var result = new (string, byte[], DateTimeOffset)[count];
        var buffer = new ArrayBufferWriter<byte>(512);
        for (var i = 0; i < count; i++)
        {
            var truck = i % Trucks;
            var seq = i / Trucks;
            var deviceTime = start.AddMilliseconds(seq * 5.0);
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("truck", $"T-{truck + 1:000}");
                json.WriteNumber("seq", seq);
                json.WriteString("ts", deviceTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture));
                json.WriteStartArray("readings");
                var n = 2 + random.Next(3) / 2 + random.Next(2);
                for (var s = 0; s < n; s++)
                {
                    json.WriteStartObject();
                    json.WriteString("sensor", sensors[s]);
                    json.WriteNumber("temperature_c", Math.Round(4 + random.NextDouble(), 2));
                    json.WriteNumber("humidity_pct", Math.Round(60 + 5 * random.NextDouble(), 1));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteBoolean("door_open", false);
                json.WriteStartObject("location");
                json.WriteNumber("lat", Math.Round(22.8 + random.NextDouble() / 10, 6));
                json.WriteNumber("lon", Math.Round(108.3 + random.NextDouble() / 10, 6));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            result[i] = (topics[truck], buffer.WrittenSpan.ToArray(), deviceTime.AddMilliseconds(40 + random.Next(21)));
        }
        Debug.Assert(result.Length == count);
        return result;
    }
}
