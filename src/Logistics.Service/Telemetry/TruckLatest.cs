namespace Logistics.Service.Telemetry;

/// <summary>A truck's newest readings, position and door, and how many of its alerts are not cleared.</summary>
public sealed record TruckLatest(string Truck, DateTimeOffset At, IReadOnlyList<TruckLatest.SensorLatest> Sensors,
    bool? DoorOpen, double? Lat, double? Lon, int OpenAlerts)
{
    public sealed record SensorLatest(string Sensor, DateTimeOffset At, double? TemperatureC, double? HumidityPct);
}
