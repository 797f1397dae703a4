using System.Diagnostics;
using Logistics.Core;
using Logistics.Mqtt;
using Logistics.Simulators.Fleet.Generation;

namespace Logistics.Simulators.Fleet.Publishing;

/// <summary>Runs the trucks' generators against a broker: one MQTT connection per truck with its
/// own account, messages paced in simulated time, each counted once its PUBACK arrives.</summary>
public sealed class FleetPublisher(PublishSettings settings, TextWriter progress)
{
    /// <summary>Messages a truck has on the wire before it waits for the oldest acknowledgement.
    /// Kept under MqttClientOptions.MaximumInflight so PublishAsync takes its packet id at once,
    /// which keeps a truck's messages (and seq) in order.</summary>
    private const int TruckPipeline = 32;
    private const int MaximumInflight = 100;

    private static readonly byte[] Online = "online"u8.ToArray();
    private static readonly byte[] Offline = "offline"u8.ToArray();

    private long _published;

    /// <exception cref="FleetConnectionException">A truck has no password or could not connect.</exception>
    public async Task<FleetSummary> RunAsync(FleetScenario scenario, IReadOnlyList<TruckGenerator> trucks, CancellationToken cancellationToken)
    {
        var missing = trucks.Where(t => !settings.Passwords.ContainsKey(t.Truck)).Select(t => t.Truck).ToList();
        if (missing.Count > 0)
            throw new FleetConnectionException($"the devices file has no password for {missing.Count} truck(s), first {missing[0]}; " +
                                               $"start the servers with LOGISTICS_TRUCKS={trucks.Count} or more");

        var clients = new MqttClient[trucks.Count];
        try
        {
            await ConnectAllAsync(trucks, clients, cancellationToken).ConfigureAwait(false);
            var counts = trucks.Select(t => new TruckCounts(t.Truck)).ToArray();
            using var finish = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var clock = Stopwatch.StartNew();
            var end = settings.Duration is { } d ? scenario.Start + d : (DateTimeOffset?)null;
            var runs = new Task[trucks.Count];
            for (var i = 0; i < trucks.Count; i++)
                runs[i] = RunTruckAsync(scenario, trucks[i], clients[i], counts[i], clock, end, finish);
            using (StartProgress(counts, clock))
                await DrainAsync(runs, clients, finish).ConfigureAwait(false);
            var wall = clock.Elapsed;
            var simulatedEnd = trucks.Max(t => t.NextTime) - scenario.Interval;
            await DisconnectAllAsync(trucks, clients).ConfigureAwait(false);
            return FleetSummary.From(counts, scenario.Start, simulatedEnd < scenario.Start ? scenario.Start : simulatedEnd, wall);
        }
        finally
        {
            foreach (var c in clients)
                if (c is not null) await c.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ConnectAllAsync(IReadOnlyList<TruckGenerator> trucks, MqttClient[] clients, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(settings.ConnectConcurrency);
        var failures = new List<string>();
        var tasks = trucks.Select(async (truck, i) =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var status = FleetTopics.Status(truck.Truck);
                var client = new MqttClient(new MqttClientOptions
                {
                    Host = settings.Host,
                    Port = settings.Port,
                    ClientId = truck.Truck,
                    Username = truck.Truck,
                    Password = settings.Passwords[truck.Truck],
                    Will = new MqttWillMessage(status, Offline, MqttQualityOfService.AtLeastOnce, Retain: true),
                    AutoReconnect = true,
                    ReconnectMinimumDelay = TimeSpan.FromMilliseconds(500),
                    ReconnectMaximumDelay = TimeSpan.FromSeconds(10),
                    ConnectTimeout = TimeSpan.FromSeconds(30),
                    MaximumInflight = MaximumInflight,
                });
                clients[i] = client;
                await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                await client.PublishAsync(status, Online, MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
            }
            catch (MqttException e)
            {
                lock (failures) failures.Add($"{truck.Truck}: {e.Message}");
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            failures.Sort(StringComparer.Ordinal);
            throw new FleetConnectionException($"{failures.Count} of {trucks.Count} trucks could not connect to {settings.Host}:{settings.Port}; " +
                                               string.Join("; ", failures.Take(5)) + (failures.Count > 5 ? "; …" : ""));
        }
    }

    private async Task RunTruckAsync(FleetScenario scenario, TruckGenerator truck, MqttClient client, TruckCounts counts,
        Stopwatch clock, DateTimeOffset? end, CancellationTokenSource finish)
    {
        var pending = new Queue<Task>(TruckPipeline);
        var stop = finish.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (end is { } e && truck.NextTime >= e) break;
                var due = (truck.NextTime - scenario.Start) / settings.TimeScale;
                var ahead = due - Elapsed(clock);
                // Behind schedule (a high --rate) the truck publishes at once and catches up.
                if (ahead > TimeSpan.FromMilliseconds(1)) await Task.Delay(ahead, stop).ConfigureAwait(false);
                var tick = truck.Next(sampledAt: scenario.Start + Elapsed(clock) * settings.TimeScale);
                if (tick.Message is not { } message) continue;
                if (settings.MaximumMessages is { } max)
                {
                    var n = Interlocked.Increment(ref _published);
                    if (n > max) break;
                    if (n == max) finish.Cancel();
                }
                pending.Enqueue(PublishAsync(client, message, counts));
                if (pending.Count >= TruckPipeline) await pending.Dequeue().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl-C, or another truck sent the last of --messages.
        }
        while (pending.Count > 0) await pending.Dequeue().ConfigureAwait(false);
    }

    /// <summary>Wall time since the simulation's start.</summary>
    private TimeSpan Elapsed(Stopwatch clock) => settings.WallClockStart is { } start ? DateTimeOffset.UtcNow - start : clock.Elapsed;

    private static async Task PublishAsync(MqttClient client, GeneratedMessage message, TruckCounts counts)
    {
        try
        {
            await client.PublishAsync(message.Topic, message.Payload, MqttQualityOfService.AtLeastOnce, retain: false, CancellationToken.None)
                .ConfigureAwait(false);
            counts.Acknowledged(message.Readings, message.Malformed is not null);
        }
        catch (MqttException)
        {
            counts.Lost();
        }
    }

    /// <summary>Waits for the trucks to finish and the broker to acknowledge what they sent; after
    /// the drain timeout the connections are closed, which fails (and counts as lost) what is left.</summary>
    private async Task DrainAsync(Task[] runs, MqttClient[] clients, CancellationTokenSource finish)
    {
        var all = Task.WhenAll(runs);
        await Task.WhenAny(all, Task.Delay(Timeout.Infinite, finish.Token)).ConfigureAwait(false);
        var limit = settings.DrainTimeout ?? TimeSpan.FromSeconds(30);
        if (await Task.WhenAny(all, Task.Delay(limit)).ConfigureAwait(false) != all)
        {
            progress.WriteLine($"fleet: the broker has not acknowledged everything {limit.TotalSeconds:0} s after the end; closing the connections");
            await Task.WhenAll(clients.Select(c => c.DisconnectAsync(CancellationToken.None))).ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }
    }

    /// <summary>A device that shuts down cleanly says so (retained), then disconnects, which
    /// tells the broker to drop the will.</summary>
    private static async Task DisconnectAllAsync(IReadOnlyList<TruckGenerator> trucks, MqttClient[] clients)
    {
        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                if (client.IsConnected)
                    await client.PublishAsync(FleetTopics.Status(trucks[i].Truck), Offline, MqttQualityOfService.AtLeastOnce, retain: true, limit.Token)
                        .ConfigureAwait(false);
            }
            catch (Exception e) when (e is MqttException or OperationCanceledException)
            {
                // The will says offline all the same once the connection is gone.
            }
            await client.DisconnectAsync(limit.Token).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }

    private IDisposable? StartProgress(TruckCounts[] counts, Stopwatch clock)
    {
        if (settings.ProgressEvery is not { } every) return null;
        return new Timer(_ =>
        {
            long messages = 0, lost = 0;
            foreach (var c in counts)
            {
                messages += c.Messages;
                lost += c.Unacknowledged;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            progress.WriteLine($"fleet: {seconds,6:0.0} s  {messages,12:N0} acknowledged  {messages / Math.Max(seconds, 0.001),10:N0}/s  {lost:N0} lost");
        }, null, every, every);
    }
}
