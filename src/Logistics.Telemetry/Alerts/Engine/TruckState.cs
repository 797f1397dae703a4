using System.Globalization;
using Logistics.Telemetry.Alerts.Configuration;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Alerts.Engine;

/// <summary>Everything the engine knows about one truck. Not thread-safe: the engine serialises access.</summary>
internal sealed class TruckState(string truck, CargoProfile profile, AlertOptions options)
{
    // Held messages are _pending[_head..]: released ones are dropped from the front in bulk, not one move per message.
    private readonly List<(TelemetryMessage Message, DateTimeOffset ReceivedAt)> _pending = [];
    private int _head;
    // The held messages by receive time, earliest first: the tick finds those held the window long without a scan.
    // It may still hold messages released since (by device time, or by ReleaseAll); they are dropped when they come up.
    private readonly PriorityQueue<TelemetryMessage, DateTimeOffset> _byReceipt = new();
    private readonly Dictionary<(string Sensor, Quantity Quantity), (ExcursionTracker Excursion, TrendTracker Trend)> _channels = [];
    private readonly Dictionary<string, FaultTracker> _faults = new(StringComparer.Ordinal);
    private DateTimeOffset? _newestSeen;

    public string Truck { get; } = truck;
    public DoorTracker Door { get; } = new(truck, options.DoorOpenAfter);

    /// <summary>Device time of the newest evaluated message; older ones are late and not evaluated.</summary>
    public DateTimeOffset? LastEvaluated { get; private set; }
    private long _lastEvaluatedSeq;

    /// <summary>True when the message comes after the last evaluated one in (device time, seq) order.</summary>
    public bool IsNew(TelemetryMessage message) =>
        LastEvaluated is not { } last || message.DeviceTime > last || message.DeviceTime == last && message.Seq > _lastEvaluatedSeq;

    public bool OnDuty { get; set; }
    /// <summary>Receive time (wall clock) of the last message; null after a restart until the first tick.</summary>
    public DateTimeOffset? LastReceived { get; set; }
    public AlertHandle? NoData { get; set; }

    /// <summary>Holds the message for the reorder window; false when it is late or a duplicate.</summary>
    public bool Hold(TelemetryMessage message, DateTimeOffset receivedAt)
    {
        if (!IsNew(message)) return false;
        // The list is in (device time, seq) order and messages mostly come in that order: a binary search, not a scan
        // (a 15 s window at a message every few milliseconds holds thousands).
        int index;
        if (_pending.Count == _head || Compare(_pending[^1].Message, message) < 0) index = _pending.Count;
        else
        {
            var (low, high) = (_head, _pending.Count);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                var order = Compare(_pending[middle].Message, message);
                if (order == 0) return false; // a duplicate
                if (order < 0) low = middle + 1;
                else high = middle;
            }
            index = low;
        }
        _pending.Insert(index, (message, receivedAt));
        _byReceipt.Enqueue(message, receivedAt);
        if (_newestSeen is null || message.DeviceTime > _newestSeen) _newestSeen = message.DeviceTime;
        return true;
    }

    /// <summary>Evaluates, in device-time order, the held messages that the window no longer holds back: those at least
    /// the window older than the newest message, or received at least the window before <paramref name="now"/>, and
    /// every message before them.</summary>
    public void Release(DateTimeOffset? now, List<AlertEvent> events)
    {
        var window = options.ReorderWindow;
        // The list is in (device time, seq) order, so the messages that may go by device time are a prefix of it, and
        // "every message up to the last one received at least the window ago" is every message up to the greatest of
        // those in that order. Each message leaves the receipt queue once, so a tick costs what it releases, not what
        // the window holds (it scanned every held message of every truck, under the engine's lock).
        TelemetryMessage? received = null;
        if (now is { } n)
        {
            var cutoff = n - window;
            while (_byReceipt.TryPeek(out var message, out var receivedAt) && receivedAt <= cutoff)
            {
                _byReceipt.Dequeue();
                if (received is null || Compare(message, received) > 0) received = message;
            }
        }
        var last = _head - 1;
        while (last + 1 < _pending.Count
               && (_pending[last + 1].Message.DeviceTime <= _newestSeen - window
                   || received is not null && Compare(_pending[last + 1].Message, received) <= 0))
            last++;
        ReleaseUpTo(last, events);
    }

    public void ReleaseAll(List<AlertEvent> events) => ReleaseUpTo(_pending.Count - 1, events);

    private void ReleaseUpTo(int last, List<AlertEvent> events)
    {
        for (var i = _head; i <= last; i++) Evaluate(_pending[i].Message, silent: false, events);
        if (last < _head) return;
        _head = last + 1;
        if (_head == _pending.Count)
        {
            _pending.Clear();
            _byReceipt.Clear();
            _head = 0;
        }
        else if (_head >= 1024 && _head * 2 >= _pending.Count)
        {
            _pending.RemoveRange(0, _head);
            _head = 0;
            // Released messages still waiting in the receipt queue (released by device time before their receive time
            // came up) go too, so it never holds more than the list; amortised over the releases since the last trim.
            if (_byReceipt.Count > 2 * _pending.Count)
            {
                _byReceipt.Clear();
                foreach (var (message, receivedAt) in _pending) _byReceipt.Enqueue(message, receivedAt);
            }
        }
    }

    /// <summary>Evaluates one message now, unless it does not come after the last evaluated one.</summary>
    public bool Evaluate(TelemetryMessage message, bool silent, List<AlertEvent> events)
    {
        if (!IsNew(message)) return false;
        var at = message.DeviceTime;
        var e = new Evaluation(events, silent, message, at);
        if (message.DoorOpen is { } door) Door.Observe(door, at, e);
        // By index: a foreach over the interface would box an enumerator per message.
        var readings = message.Readings;
        for (var i = 0; i < readings.Count; i++)
        {
            var reading = readings[i];
            if (reading.TemperatureC is { } t) Observe(reading.Sensor, Quantity.Temperature, t, at, e);
            if (reading.HumidityPct is { } h) Observe(reading.Sensor, Quantity.Humidity, h, at, e);
            if (_faults.TryGetValue(reading.Sensor, out var fault)) fault.OnReading(reading, at, e);
        }
        LastEvaluated = at;
        _lastEvaluatedSeq = message.Seq;
        if (_newestSeen is null || at > _newestSeen) _newestSeen = at;
        return true;
    }

    public void OnFault(SensorFaultNotice notice, List<AlertEvent> events) =>
        Fault(notice.Sensor).OnFault(notice, new Evaluation(events, silent: false, trigger: null, notice.DeviceTime));

    public void CheckNoData(DateTimeOffset now, List<AlertEvent> events)
    {
        if (!OnDuty || NoData is not null) return;
        if (LastReceived is not { } last)
        {
            LastReceived = now;
            return;
        }
        var silence = now - last;
        if (silence < options.NoDataAfter) return;
        NoData = new Evaluation(events, silent: false, trigger: null, now).Open(Truck, null, AlertKind.NoData,
            AlertSeverity.Warning, null, null, last, null,
            string.Create(CultureInfo.InvariantCulture, $"nothing received for {silence.TotalMinutes:0.#} min"));
    }

    public void OpenNoData(DateTimeOffset at, string detail, List<AlertEvent> events) =>
        NoData ??= new Evaluation(events, silent: false, trigger: null, at).Open(Truck, null, AlertKind.NoData,
            AlertSeverity.Warning, null, null, LastReceived ?? at, null, detail);

    public void ClearNoData(DateTimeOffset at, string detail, List<AlertEvent> events)
    {
        if (NoData is null) return;
        new Evaluation(events, silent: false, trigger: null, at).Emit(AlertEventType.Cleared, NoData, null, detail);
        NoData = null;
    }

    /// <summary>Takes back an alert that was open before a restart; false when the same alert is already here.</summary>
    public bool Restore(AlertHandle alert)
    {
        AlertHandle? current;
        switch (alert.Kind)
        {
            case AlertKind.NoData:
                current = NoData;
                if (current is null) { NoData = alert; OnDuty = true; return true; }
                break;
            case AlertKind.DoorOpen:
                current = Door.Open;
                if (current is null) { Door.Open = alert; return true; }
                break;
            case AlertKind.SensorFault:
                var fault = Fault(RequireSensor(alert));
                current = fault.Open;
                if (current is null) { fault.Open = alert; return true; }
                break;
            default:
                var quantity = alert.Kind.QuantityOf()!.Value;
                var (excursion, trend) = Channel(RequireSensor(alert), quantity);
                var isTrend = alert.Kind == quantity.TrendKind();
                current = isTrend ? trend.Open : excursion.Open;
                if (current is null)
                {
                    if (isTrend) trend.Open = alert;
                    else excursion.Open = alert;
                    return true;
                }
                break;
        }
        return current.Id == alert.Id
            ? false
            : throw new InvalidOperationException(
                $"Two open {alert.Kind} alerts for truck {Truck}, sensor {alert.Sensor ?? "(none)"}: {current.Id} and {alert.Id}");
    }

    public IEnumerable<AlertHandle> OpenAlerts()
    {
        if (NoData is not null) yield return NoData;
        if (Door.Open is not null) yield return Door.Open;
        foreach (var fault in _faults.Values)
            if (fault.Open is not null) yield return fault.Open;
        foreach (var (excursion, trend) in _channels.Values)
        {
            if (excursion.Open is not null) yield return excursion.Open;
            if (trend.Open is not null) yield return trend.Open;
        }
    }

    private void Observe(string sensor, Quantity quantity, double value, DateTimeOffset at, Evaluation e)
    {
        var (excursion, trend) = Channel(sensor, quantity);
        var cleared = excursion.Observe(value, at, e);
        if (options.Trend.Enabled) trend.Observe(value, at, e, excursion, cleared, Door.IsOpen);
    }

    private (ExcursionTracker, TrendTracker) Channel(string sensor, Quantity quantity)
    {
        if (_channels.TryGetValue((sensor, quantity), out var channel)) return channel;
        var rules = profile.For(quantity);
        channel = (new ExcursionTracker(Truck, sensor, quantity, rules), new TrendTracker(Truck, sensor, quantity, rules, options.Trend));
        _channels.Add((sensor, quantity), channel);
        return channel;
    }

    private FaultTracker Fault(string sensor)
    {
        if (_faults.TryGetValue(sensor, out var fault)) return fault;
        fault = new FaultTracker(Truck, sensor, profile.Temperature.ClearHold);
        _faults.Add(sensor, fault);
        return fault;
    }

    private static string RequireSensor(AlertHandle alert) =>
        alert.Sensor ?? throw new ArgumentException($"Open alert {alert.Id} of kind {alert.Kind} has no sensor", nameof(alert));

    private static int Compare(TelemetryMessage a, TelemetryMessage b)
    {
        var byTime = a.DeviceTime.CompareTo(b.DeviceTime);
        return byTime != 0 ? byTime : a.Seq.CompareTo(b.Seq);
    }
}
