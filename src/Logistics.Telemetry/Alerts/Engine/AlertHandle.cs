namespace Logistics.Telemetry.Alerts.Engine;

/// <summary>An open alert inside the engine: what its events and <see cref="OpenAlert"/> are made from.</summary>
internal sealed class AlertHandle(Guid id, string truck, string? sensor, AlertKind kind, AlertSeverity severity,
    Band? band, double? peak, DateTimeOffset startedAt)
{
    public Guid Id { get; } = id;
    public string Truck { get; } = truck;
    public string? Sensor { get; } = sensor;
    public AlertKind Kind { get; } = kind;
    public AlertSeverity Severity { get; set; } = severity;
    public Band? Band { get; set; } = band;
    public double? Peak { get; set; } = peak;
    public DateTimeOffset StartedAt { get; } = startedAt;

    public static AlertHandle From(OpenAlert a) =>
        new(a.Id, a.Truck, a.Sensor, a.Kind, a.Severity, a.Band, a.PeakValue, a.StartedAt);

    public OpenAlert ToOpenAlert() => new(Id, Truck, Sensor, Kind, Severity, Band, Peak, StartedAt);

    /// <summary>Keeps the value farther outside the band as the peak.</summary>
    public void TakePeak(double value)
    {
        if (Band is not { } band) return;
        if (Peak is null || band.DistanceOutside(value) > band.DistanceOutside(Peak.Value)) Peak = value;
    }
}
