using Logistics.Service.Excursions;

namespace Logistics.Service.Telemetry;

/// <summary>A truck's downsampled readings per sensor, with its profile's bands and the excursions in the range.</summary>
public sealed record TruckHistory(string Truck, DateTimeOffset From, DateTimeOffset To, string Bucket, ProfileView Profile,
    IReadOnlyList<TruckHistory.SensorSeries> Series, IReadOnlyList<ExcursionSummary> Excursions)
{
    public sealed record SensorSeries(string Sensor, IReadOnlyList<Point> Points);

    /// <summary>One bucket starting at <paramref name="T"/>; nulls where the sensor sent nothing in it.</summary>
    public sealed record Point(DateTimeOffset T, double? TemperatureMean, double? TemperatureMin, double? TemperatureMax,
        double? HumidityMean, double? HumidityMin, double? HumidityMax);
}
