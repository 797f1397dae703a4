namespace Logistics.Telemetry.Excursions;

/// <summary>Measures the excursion behind a temperature or humidity alert from the sensor's stored readings.
/// The alert engine opens an alert only after a delay outside the band and clears it only after a hold inside by
/// a margin, so one alert can cover readings that wobble back inside for a moment: everything from the alert's
/// first out-of-band reading to the first reading back inside after its last out-of-band one is one excursion.</summary>
public static class ExcursionDetector
{
    public const string Warning = "warning", Critical = "critical";

    /// <summary>The excursion that started at <paramref name="startedAt"/> (the alert's start); null when no reading
    /// from then on is outside the band.</summary>
    /// <param name="samples">The sensor's readings, any order, covering the alert's life and a little after.</param>
    /// <param name="until">When the alert cleared: readings after it belong to later excursions. Null while open.</param>
    public static ExcursionPeriod? Measure(IEnumerable<SensorSample> samples, ExcursionQuantity quantity, ExcursionBands bands,
        DateTimeOffset startedAt, DateTimeOffset? until)
    {
        if (bands.Excursion is not { } band) return null;
        var values = samples
            .Where(s => s.Value(quantity) is not null && s.Time >= startedAt)
            .OrderBy(s => s.Time)
            .Select(s => (s.Time, Value: s.Value(quantity)!.Value, Sample: s))
            .ToList();
        var first = values.FindIndex(v => !band.Contains(v.Value) && (until is null || v.Time <= until));
        if (first < 0) return null;
        var last = values.FindLastIndex(v => !band.Contains(v.Value) && (until is null || v.Time <= until));
        var endIndex = values.FindIndex(last + 1, v => band.Contains(v.Value));
        var during = values.GetRange(first, (endIndex < 0 ? values.Count : endIndex) - first);

        var peak = during.MaxBy(v => band.DistanceOutside(v.Value));
        var critical = bands.Critical is { } c && bands.Warning is not null && during.Any(v => !c.Contains(v.Value));
        return new ExcursionPeriod(
            values[first].Time,
            endIndex < 0 ? null : values[endIndex].Time,
            values[^1].Time,
            peak.Value,
            peak.Time,
            critical ? bands.Critical!.Value : band,
            critical || bands.Warning is null ? Critical : Warning,
            quantity == ExcursionQuantity.Temperature ? MeanKineticTemperature.Of(during.Select(v => v.Value)) : null,
            during.Select(v => v.Sample).ToList());
    }
}
