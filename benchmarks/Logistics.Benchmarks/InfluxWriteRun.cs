using System.Diagnostics;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Readings;

namespace Logistics.Benchmarks;

/// <summary>How InfluxDB takes the listener's writes: the same readings (line protocol of
/// <see cref="TelemetrySchema.AppendMessage"/>) written with and without gzip, in batches of 1,000 and 5,000 lines,
/// one or several requests at once, with the wall time and the CPU seconds of this process and of influxd
/// (its pid from the profile's influxdb.pid) per 1,000 lines. InfluxDB runs on the same cores, so its CPU is as
/// much the listener's cost as ours. Configurations alternate round by round, against a noisy machine.
///   scripts/infra.sh up --profile P &amp;&amp; set -a &amp;&amp; . .run/P/infra.env &amp;&amp; set +a
///   dotnet run -c Release --project benchmarks/Logistics.Benchmarks -- influx-write [lines=200000] [rounds=3]</summary>
internal static class InfluxWriteRun
{
    private sealed record Setting(bool Gzip, int BatchLines, int InFlight)
    {
        public override string ToString() => $"{(Gzip ? "gzip" : "plain")}, {BatchLines,5} lines, {InFlight} at once";
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var lines = args.Length > 0 ? int.Parse(args[0]) : 200_000;
        var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
        string Env(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set; source .run/<profile>/infra.env");
        var pidFile = Path.Combine(Environment.GetEnvironmentVariable("LOGISTICS_RUN_DIR") ?? ".run", Env("LOGISTICS_PROFILE"), "influxdb.pid");
        var influxPid = int.Parse(File.ReadAllText(pidFile).Trim());
        var database = $"bench_write_{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}";
        var connection = new InfluxDbConnection(new Uri(Env("LOGISTICS_INFLUX_URL")), database, Env("LOGISTICS_INFLUX_USER"), Env("LOGISTICS_INFLUX_PASSWORD"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await new InfluxDbClient(http, connection).EnsureDatabaseAsync(new RetentionPolicy("bench", TimeSpan.FromDays(3650)), CancellationToken.None);

        Setting[] settings =
        [
            new(true, 5000, 1), new(false, 5000, 1), new(true, 1000, 1), new(false, 1000, 1),
            new(true, 5000, 2), new(false, 5000, 2), new(false, 5000, 4),
        ];
        var results = settings.ToDictionary(s => s, _ => new List<(double Rate, double Ours, double Influx)>());
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var truckOffset = 0;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var setting in settings)
            {
                var client = new InfluxDbClient(http, connection, new InfluxDbClientOptions { Gzip = setting.Gzip });
                // Every run writes new series times (and trucks), so InfluxDB never just overwrites.
                var batches = Batches(lines, setting.BatchLines, start, truckOffset);
                truckOffset += 50;
                var ours = Process.GetCurrentProcess().TotalProcessorTime;
                var influx = CpuSeconds(influxPid);
                var watch = Stopwatch.StartNew();
                await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = setting.InFlight },
                    async (batch, ct) => await client.WriteAsync(batch, ct));
                watch.Stop();
                var oursSeconds = (Process.GetCurrentProcess().TotalProcessorTime - ours).TotalSeconds;
                var influxSeconds = CpuSeconds(influxPid) - influx;
                results[setting].Add((lines / watch.Elapsed.TotalSeconds, oursSeconds / lines * 1000, influxSeconds / lines * 1000));
                Console.WriteLine($"round {round}: {setting}: {lines / watch.Elapsed.TotalSeconds,8:N0} lines/s, CPU per 1,000 lines: ours {oursSeconds / lines * 1000:0.0000} s, InfluxDB {influxSeconds / lines * 1000:0.0000} s");
            }
        }
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("median of the rounds:");
        foreach (var (setting, r) in results)
        {
            double Median(Func<(double Rate, double Ours, double Influx), double> f) => r.Select(f).Order().ElementAt(r.Count / 2);
            Console.WriteLine($"  {setting}: {Median(x => x.Rate),8:N0} lines/s, CPU per 1,000 lines: ours {Median(x => x.Ours):0.0000} s, InfluxDB {Median(x => x.Influx):0.0000} s");
        }
        await new InfluxDbClient(http, connection).QueryAsync($"DROP DATABASE {InfluxQl.QuoteIdentifier(database)}", CancellationToken.None);
        return 0;
    }

    /// <summary>Readings as the fleet simulator sends them (three sensors, door, position), one message a second
    /// per truck, encoded ahead so that only the writes are timed.</summary>
    private static List<LineProtocolBatch> Batches(int lines, int batchLines, DateTimeOffset start, int truckOffset)
    {
        var batches = new List<LineProtocolBatch>();
        var batch = new LineProtocolBatch();
        var random = new Random(truckOffset);
        var written = 0;
        for (var seq = 0; written < lines; seq++)
        {
            for (var t = 0; t < 50 && written < lines; t++)
            {
                var message = new TelemetryMessage($"T-{truckOffset + t + 1:D4}", seq, start.AddSeconds(seq),
                    [new("front", 20 + random.NextDouble(), 57 + random.NextDouble()), new("middle", 20 + random.NextDouble(), 57 + random.NextDouble()),
                     new("rear", 20 + random.NextDouble(), 57 + random.NextDouble())],
                    random.Next(10) == 0, new Logistics.Core.Coordinates(22.8 + random.NextDouble() / 10, 108.3 + random.NextDouble() / 10));
                var before = batch.Count;
                TelemetrySchema.AppendMessage(batch, message);
                written += batch.Count - before;
                if (batch.Count >= batchLines - 4)
                {
                    batches.Add(batch);
                    batch = new LineProtocolBatch();
                }
            }
        }
        if (batch.Count > 0) batches.Add(batch);
        return batches;
    }

    private static double CpuSeconds(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command's ")".
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }
}
