namespace Logistics.Service.Excursions;

/// <summary>One excursion as the API lists it. Its id is the id of the alert the engine raised for it.</summary>
/// <param name="End">First reading back inside; null while ongoing.</param>
/// <param name="DurationMinutes">End − start; for an ongoing excursion, up to its latest reading.</param>
/// <param name="MeanKineticTemperatureC">Temperature excursions only (ΔH/R = 10,000 K).</param>
/// <param name="Measured">False when the readings could not be found and the alert's own start, clearing and peak are shown.</param>
public sealed record ExcursionSummary(Guid Id, string Truck, string Sensor, string Quantity, string Severity,
    DateTimeOffset Start, DateTimeOffset? End, double? Peak, DateTimeOffset? PeakAt, double DurationMinutes,
    double? MeanKineticTemperatureC, ExcursionSummary.BandLevel Band, Guid AlertId, string Profile, bool Measured)
{
    /// <summary>The band crossed and its level, "warning" or "critical".</summary>
    public sealed record BandLevel(double? Min, double? Max, string Level);
}
