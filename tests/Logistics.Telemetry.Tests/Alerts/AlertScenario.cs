using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Tests.Alerts;

/// <summary>A truck's readings fed to an engine on a made-up morning: one message every <see cref="Step"/>,
/// received the moment it was sent, and every event kept.</summary>
internal sealed class AlertScenario
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private long _seq;

    public AlertScenario(AlertOptions? options = null, string truck = "T-001")
    {
        Options = options ?? Quiet();
        Engine = new AlertEngine(Options);
        Truck = truck;
    }

    public AlertOptions Options { get; }
    public AlertEngine Engine { get; }
    public string Truck { get; }
    public List<AlertEvent> Events { get; } = [];
    public List<TelemetryMessage> Sent { get; } = [];
    public DateTimeOffset Now { get; private set; } = T0;

    /// <summary>No reorder delay and no predictive warnings, so tests of other rules see only their own events.</summary>
    public static AlertOptions Quiet() => new() { ReorderWindow = TimeSpan.Zero, Trend = new TrendOptions { Enabled = false } };

    public static TelemetryMessage Message(string truck, long seq, DateTimeOffset at, params SensorReading[] readings) =>
        new(truck, seq, at, readings, null, null);

    /// <summary>Sends one message with the front sensor's temperature (and optionally humidity) at <see cref="Now"/>,
    /// then moves the clock on by one step.</summary>
    public IReadOnlyList<AlertEvent> Send(double? temperature, double? humidity = null, bool? door = null, string sensor = "front")
    {
        var message = new TelemetryMessage(Truck, ++_seq, Now, [new SensorReading(sensor, temperature, humidity)], door, null);
        var events = Send(message, Now);
        Now += Step;
        return events;
    }

    public IReadOnlyList<AlertEvent> Send(TelemetryMessage message, DateTimeOffset receivedAt)
    {
        var events = Engine.Accept(message, receivedAt);
        Sent.Add(message);
        Events.AddRange(events);
        return events;
    }

    /// <summary>The same temperature for a duration, one message per step.</summary>
    public IReadOnlyList<AlertEvent> Hold(double temperature, TimeSpan duration, double? humidity = null)
    {
        var events = new List<AlertEvent>();
        for (var end = Now + duration; Now < end;) events.AddRange(Send(temperature, humidity));
        return events;
    }

    public IReadOnlyList<AlertEvent> Tick(DateTimeOffset now)
    {
        var events = Engine.Tick(now);
        Events.AddRange(events);
        return events;
    }

    public long NextSeq() => ++_seq;

    public void Advance(TimeSpan t) => Now += t;

    public IEnumerable<AlertEvent> Of(AlertKind kind) => Events.Where(e => e.Kind == kind);
}
