using Logistics.Telemetry.Alerts;

namespace Logistics.Telemetry.Excursions;

/// <summary>What the readings say about one excursion.</summary>
/// <param name="Start">The first reading outside the excursion band.</param>
/// <param name="End">The first reading back inside after the last one outside; null while the latest reading is still outside.</param>
/// <param name="LastReadingAt">The newest reading considered (the end of an ongoing excursion so far).</param>
/// <param name="Peak">The reading farthest outside the band (°C or % RH), and when.</param>
/// <param name="Band">The band crossed: the critical band when any reading left it, else the warning band.</param>
/// <param name="Level">"warning" or "critical", matching <paramref name="Band"/>.</param>
/// <param name="MeanKineticTemperatureC">Over <paramref name="Readings"/>; temperature excursions only.</param>
/// <param name="Readings">The readings from the start up to (not including) the end.</param>
public sealed record ExcursionPeriod(
    DateTimeOffset Start,
    DateTimeOffset? End,
    DateTimeOffset LastReadingAt,
    double Peak,
    DateTimeOffset PeakAt,
    Band Band,
    string Level,
    double? MeanKineticTemperatureC,
    IReadOnlyList<SensorSample> Readings)
{
    /// <summary>End − start; for an ongoing excursion, up to its latest reading: what the readings prove, even
    /// when the device has fallen silent or the readings are replayed from an earlier day.</summary>
    public TimeSpan Duration => (End ?? LastReadingAt) - Start;
}
