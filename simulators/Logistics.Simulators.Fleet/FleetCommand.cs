using System.Globalization;
using Logistics.Simulators.Fleet.Generation;
using Logistics.Simulators.Fleet.Publishing;

namespace Logistics.Simulators.Fleet;

/// <summary>The command line's values, checked and turned into a run. Exit codes: 0 when every
/// message was acknowledged, 1 when some were not or the fleet could not connect, 2 for bad input.</summary>
public sealed record FleetCommand(
    int Trucks,
    int Seed,
    string Interval,
    double TimeScale,
    double? Rate,
    string? Duration,
    long? Messages,
    string? Plan,
    string? Start,
    IReadOnlyList<string> Faults,
    string? Devices,
    string Host,
    string Port,
    string? Summary,
    bool DryRun)
{
    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        FleetScenario scenario;
        IReadOnlyList<TruckGenerator> trucks;
        TimeSpan? duration;
        try
        {
            (scenario, duration) = BuildScenario();
            trucks = scenario.CreateTrucks();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        if (DryRun)
        {
            if (duration is null && Messages is null)
            {
                await error.WriteLineAsync("--dry-run needs --duration or --messages");
                return 2;
            }
            DryRunTo(output, trucks, scenario, duration);
            return 0;
        }

        PublishSettings settings;
        try
        {
            settings = PublishSettings(duration) with
            {
                WallClockStart = Start is null && Plan is null && TimeScale == 1 ? scenario.Start : null,
            };
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"fleet: {trucks.Count} trucks → mqtt://{settings.Host}:{settings.Port}, a message every {SimulatedDuration.Format(scenario.Interval)} " +
            $"of simulated time, ×{TimeScale} from {scenario.Start.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, {scenario.Faults.Count} fault(s)"));
        FleetSummary result;
        try
        {
            result = await new FleetPublisher(settings, error).RunAsync(scenario, trucks, cancellationToken);
        }
        catch (FleetConnectionException e)
        {
            await error.WriteLineAsync($"fleet: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("fleet: cancelled while connecting; nothing was sent");
            return 1;
        }
        await output.WriteAsync(result.ToTable());
        if (Summary is not null) await File.WriteAllTextAsync(Summary, result.ToJson(), CancellationToken.None);
        return result.Totals.Unacknowledged == 0 ? 0 : 1;
    }

    private (FleetScenario Scenario, TimeSpan? Duration) BuildScenario()
    {
        if (Trucks is < 1 or > FleetScenario.MaximumTrucks)
            throw new ArgumentException($"--trucks: {Trucks} is outside 1..{FleetScenario.MaximumTrucks}");
        if (!(TimeScale > 0 && TimeScale <= 1_000_000)) throw new ArgumentException($"--time-scale: {TimeScale} must be more than 0 and at most 1000000");
        if (Rate is { } r && !(r > 0 && double.IsFinite(r))) throw new ArgumentException($"--rate: {r} must be more than 0 messages per second");
        if (Messages is <= 0) throw new ArgumentException($"--messages: {Messages} must be at least 1");
        var interval = Rate is { } rate
            ? TimeSpan.FromSeconds(TimeScale * Trucks / rate)
            : SimulatedDuration.Parse(Interval, "--interval");
        if (interval <= TimeSpan.Zero) throw new ArgumentException($"--interval: '{Interval}' must be more than zero");
        TimeSpan? duration = Duration is null ? null : SimulatedDuration.Parse(Duration, "--duration");
        if (duration is { } d && d <= TimeSpan.Zero) throw new ArgumentException($"--duration: '{Duration}' must be more than zero");

        var plan = Plan is null ? null : PlanRoutes.Read(Plan);
        DateTimeOffset start;
        if (Start is not null)
        {
            if (!DateTimeOffset.TryParse(Start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
                throw new FormatException($"--start: '{Start}' is not a time (ISO-8601, e.g. 2026-11-22T08:00:00+08:00)");
        }
        else
        {
            var now = DateTimeOffset.UtcNow;
            start = plan?.FirstDeparture ?? new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        }
        var faults = Faults.Select(FaultParser.Parse).ToList();
        return (new FleetScenario(Trucks, Seed, interval, start.ToUniversalTime(), faults, plan), duration);
    }

    private PublishSettings PublishSettings(TimeSpan? duration)
    {
        if (!int.TryParse(Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new FormatException($"--port (or LOGISTICS_MQTT_PORT): '{Port}' is not a port number (1..65535)");
        if (string.IsNullOrWhiteSpace(Devices))
            throw new FormatException("--devices: no devices file; pass --devices FILE or set LOGISTICS_DEVICES_FILE (scripts/infra.sh writes .run/<profile>/devices.csv)");
        return new PublishSettings(Host, port, DevicesFile.Read(Devices), TimeScale, duration, Messages,
            ProgressEvery: TimeSpan.FromSeconds(10));
    }

    private void DryRunTo(TextWriter output, IReadOnlyList<TruckGenerator> trucks, FleetScenario scenario, TimeSpan? duration)
    {
        var end = duration is { } d ? scenario.Start + d : DateTimeOffset.MaxValue;
        var queue = new PriorityQueue<TruckGenerator, DateTimeOffset>(trucks.Select(t => (t, t.NextTime)));
        long sent = 0;
        while (queue.TryDequeue(out var truck, out var time) && time < end && (Messages is not { } max || sent < max))
        {
            if (truck.Next().Message is { } message)
            {
                output.WriteLine(message.Malformed is MalformedKind.Oversize
                    ? $"{message.Topic} (oversize, {message.Payload.Length:N0} bytes)"
                    : $"{message.Topic} {System.Text.Encoding.UTF8.GetString(message.Payload)}");
                sent++;
            }
            queue.Enqueue(truck, truck.NextTime);
        }
    }
}
