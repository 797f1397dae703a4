using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Alerts.Engine;

/// <summary>Sensor-fault alert of one sensor: opens at the first impossible value the parser reports and clears once
/// the sensor has sent accepted values for every field that faulted, without a new fault, for the hold time.</summary>
internal sealed class FaultTracker(string truck, string sensor, TimeSpan clearHold)
{
    private DateTimeOffset? _lastFault;
    private DateTimeOffset? _validSince;
    private bool _temperatureFaulted, _humidityFaulted;

    public AlertHandle? Open { get; set; }

    public void OnFault(SensorFaultNotice notice, Evaluation e)
    {
        if (_lastFault is null || notice.DeviceTime > _lastFault) _lastFault = notice.DeviceTime;
        _validSince = null;
        _temperatureFaulted |= notice.Field.Contains("temperature", StringComparison.OrdinalIgnoreCase);
        _humidityFaulted |= notice.Field.Contains("humidity", StringComparison.OrdinalIgnoreCase);
        Open ??= e.Open(truck, sensor, AlertKind.SensorFault, AlertSeverity.Warning, null, null, notice.DeviceTime, null,
            $"{notice.Field} = {notice.Value ?? "(missing)"} refused: {notice.Reason}");
    }

    public void OnReading(SensorReading reading, DateTimeOffset at, Evaluation e)
    {
        // Replayed readings do not count: the faults between them were not replayed.
        if (Open is null || e.Silent) return;
        if (at <= _lastFault) return;
        var valid = (reading.TemperatureC is not null || !_temperatureFaulted) && (reading.HumidityPct is not null || !_humidityFaulted);
        if (!valid)
        {
            _validSince = null;
            return;
        }
        _validSince ??= at;
        if (at - _validSince.Value < clearHold) return;
        e.Emit(AlertEventType.Cleared, Open, null, $"sensor sent accepted values for {clearHold.TotalMinutes:0.#} min");
        Open = null;
        _temperatureFaulted = _humidityFaulted = false;
        _validSince = null;
    }
}
