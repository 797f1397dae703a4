using Logistics.Telemetry.Alerts.Configuration;
using Logistics.Telemetry.Alerts.Engine;
using Logistics.Telemetry.Readings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Logistics.Telemetry.Alerts;

/// <summary>Decides, per truck, when alerts open, escalate and clear (docs/alerts.md). Every method returns the events
/// it caused, in order; the caller stores and sends them. Thread-safe: calls are serialised by one lock, so the
/// listener and a timer may call at once. Times are explicit arguments, never read from a clock, so a test or a
/// replay decides what "now" is.</summary>
public sealed class AlertEngine
{
    private readonly Lock _lock = new();
    private readonly AlertOptions _options;
    private readonly Dictionary<string, CargoProfile> _profiles;
    private readonly Dictionary<string, TruckState> _trucks = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    // Accept's events are gathered here under the lock and copied out only when there are any (most messages cause
    // none; a new list per message was the engine's largest allocation).
    private readonly List<AlertEvent> _scratch = [];
    private long _lateMessages;

    /// <param name="options">Validated options (<see cref="AlertOptions.Validate"/>); they are copied, later changes
    /// to the object do not reach the engine.</param>
    /// <param name="logger">Where late messages are reported.</param>
    public AlertEngine(AlertOptions options, ILogger<AlertEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid alert options: " + string.Join("; ", errors), nameof(options));
        _options = options with
        {
            Trucks = new(options.Trucks, StringComparer.Ordinal),
            Trend = options.Trend with { },
        };
        _profiles = options.Profiles.ToDictionary(p => p.Key, p => CargoProfile.From(p.Key, p.Value), StringComparer.OrdinalIgnoreCase);
        _logger = logger ?? NullLogger<AlertEngine>.Instance;
    }

    /// <summary>A new engine with these options and no state (nothing of this one's trucks).</summary>
    public AlertEngine Blank() => new(_options);

    /// <summary>Messages that came too late to be evaluated (older than the truck's last evaluated one) or twice.</summary>
    public long LateMessages => Interlocked.Read(ref _lateMessages);

    /// <summary>An accepted telemetry message. It counts as data received at once (no-data alerts clear); its readings
    /// are evaluated once the reorder window lets them go, which may be during a later call or <see cref="Tick"/>.</summary>
    /// <param name="message">The parser's accepted message.</param>
    /// <param name="receivedAt">When the listener received it (wall clock).</param>
    public IReadOnlyList<AlertEvent> Accept(TelemetryMessage message, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            var events = _scratch;
            events.Clear();
            var truck = Truck(message.Truck);
            Received(truck, receivedAt, events);
            if (truck.Hold(message, receivedAt)) truck.Release(now: null, events);
            else
            {
                Interlocked.Increment(ref _lateMessages);
                _logger.LogDebug("Message {Seq} of {Truck} at {DeviceTime:O} is not after the last evaluated one ({LastEvaluated:O}): stored, not evaluated",
                    message.Seq, message.Truck, message.DeviceTime, truck.LastEvaluated);
            }
            return events.Count == 0 ? [] : events.ToArray();
        }
    }

    /// <summary>The parser refused an impossible value; evaluated at once (faults are not reordered).</summary>
    public IReadOnlyList<AlertEvent> ReportSensorFault(SensorFaultNotice notice, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var events = new List<AlertEvent>();
        lock (_lock)
        {
            var truck = Truck(notice.Truck);
            Received(truck, receivedAt, events);
            truck.OnFault(notice, events);
        }
        return events;
    }

    /// <summary>The device's status message (<c>fleet/{truck}/status</c>). Online puts the truck on duty; offline
    /// raises "no data" at once for a truck on duty. A status from a truck the engine has never heard of and that
    /// says offline (a retained message from an earlier day) is ignored.</summary>
    public IReadOnlyList<AlertEvent> ReportStatus(string truckId, bool online, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(truckId);
        var events = new List<AlertEvent>();
        lock (_lock)
        {
            if (online)
            {
                var truck = Truck(truckId);
                truck.OnDuty = true;
                truck.LastReceived ??= receivedAt;
            }
            else if (_trucks.TryGetValue(truckId, out var truck) && truck.OnDuty)
            {
                truck.Release(receivedAt, events);
                truck.OpenNoData(receivedAt, "device reported offline", events);
            }
        }
        return events;
    }

    /// <summary>The clock: evaluates messages the reorder window has held long enough (wall clock since receipt) and
    /// raises "no data" for trucks on duty silent for <see cref="AlertOptions.NoDataAfter"/>. Call it every few
    /// seconds; the no-data alert is at most one tick late.</summary>
    public IReadOnlyList<AlertEvent> Tick(DateTimeOffset now)
    {
        var events = new List<AlertEvent>();
        lock (_lock)
        {
            foreach (var truck in _trucks.Values)
            {
                truck.Release(now, events);
                truck.CheckNoData(now, events);
            }
        }
        return events;
    }

    /// <summary>The truck's day is over (back at the depot): held messages are evaluated, an open "no data" alert
    /// clears and silence no longer raises one, until the truck sends again or comes online.</summary>
    public IReadOnlyList<AlertEvent> EndDuty(string truckId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(truckId);
        var events = new List<AlertEvent>();
        lock (_lock)
        {
            if (!_trucks.TryGetValue(truckId, out var truck)) return events;
            truck.ReleaseAll(events);
            truck.OnDuty = false;
            truck.ClearNoData(at, "truck off duty", events);
        }
        return events;
    }

    /// <summary>After a restart, takes back the alerts that were open (the store's open alerts), before any
    /// <see cref="Replay(IEnumerable{TelemetryMessage}, DateTimeOffset)"/> or <see cref="Accept"/>. Their ids are
    /// kept, so later escalations and clears refer to them, and no second alert of the same key opens.
    /// Restoring an alert that is already open is a no-op; a different alert for the same key is an error.</summary>
    public void Restore(IEnumerable<OpenAlert> openAlerts)
    {
        ArgumentNullException.ThrowIfNull(openAlerts);
        lock (_lock)
        {
            foreach (var alert in openAlerts) Truck(alert.Truck).Restore(AlertHandle.From(alert));
        }
    }

    /// <summary>Re-evaluates recent readings after a restart (e.g. the last 20 minutes from the journal), in
    /// device-time order per truck, without the reorder window. Messages at or before
    /// <paramref name="suppressUpTo"/> were evaluated before the restart: they only rebuild timers, trends and peaks,
    /// and emit nothing (no open, escalation or clear is decided on them; a decision they would have caused is taken
    /// at the next later message). Messages after it are evaluated as live ones and their events returned.</summary>
    public IReadOnlyList<AlertEvent> Replay(IEnumerable<TelemetryMessage> messages, DateTimeOffset suppressUpTo) =>
        Replay(messages, _ => suppressUpTo);

    /// <summary>As <see cref="Replay(IEnumerable{TelemetryMessage}, DateTimeOffset)"/>, with the suppression time
    /// per truck (null: suppress nothing for that truck).</summary>
    public IReadOnlyList<AlertEvent> Replay(IEnumerable<TelemetryMessage> messages, Func<string, DateTimeOffset?> suppressUpTo)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(suppressUpTo);
        var events = new List<AlertEvent>();
        lock (_lock)
        {
            foreach (var group in messages.GroupBy(m => m.Truck, StringComparer.Ordinal))
            {
                var truck = Truck(group.Key);
                truck.ReleaseAll(events);
                truck.OnDuty = true;
                var until = suppressUpTo(group.Key);
                foreach (var message in group.OrderBy(m => m.DeviceTime).ThenBy(m => m.Seq))
                    truck.Evaluate(message, silent: message.DeviceTime <= until, events);
            }
        }
        return events;
    }

    /// <summary>The alerts open now (a snapshot).</summary>
    public IReadOnlyList<OpenAlert> OpenAlerts()
    {
        lock (_lock)
        {
            return _trucks.Values.SelectMany(t => t.OpenAlerts()).Select(a => a.ToOpenAlert()).ToList();
        }
    }

    /// <summary>Device time of the truck's newest evaluated message; null when none was.</summary>
    public DateTimeOffset? LastEvaluated(string truckId)
    {
        lock (_lock)
        {
            return _trucks.TryGetValue(truckId, out var truck) ? truck.LastEvaluated : null;
        }
    }

    private void Received(TruckState truck, DateTimeOffset receivedAt, List<AlertEvent> events)
    {
        truck.OnDuty = true;
        if (truck.LastReceived is null || receivedAt > truck.LastReceived) truck.LastReceived = receivedAt;
        truck.ClearNoData(receivedAt, "data received again", events);
    }

    private TruckState Truck(string id)
    {
        if (_trucks.TryGetValue(id, out var truck)) return truck;
        var profileName = _options.ProfileNameOf(id);
        truck = new TruckState(id, _profiles[profileName], _options);
        _trucks.Add(id, truck);
        return truck;
    }
}
