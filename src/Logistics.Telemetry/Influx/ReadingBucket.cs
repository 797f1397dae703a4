namespace Logistics.Telemetry.Influx;

/// <summary>One bucket of a truck sensor's history; null where the bucket had no value.</summary>
public sealed record ReadingBucket(DateTimeOffset Start,
    double? TemperatureMeanC, double? TemperatureMinC, double? TemperatureMaxC,
    double? HumidityMeanPct, double? HumidityMinPct, double? HumidityMaxPct);
