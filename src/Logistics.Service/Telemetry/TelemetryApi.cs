using Logistics.Service.Api;
using Logistics.Service.Excursions;
using Logistics.Service.Security;
using Logistics.Telemetry.Alerts.Configuration;
using Logistics.Telemetry.Alerts.Store;
using Logistics.Telemetry.Excursions;
using Logistics.Telemetry.Influx;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Logistics.Service.Telemetry;

public static class TelemetryApi
{
    /// <summary>How far back "latest" looks: a truck silent for a week is out of service; `at` says how old the rest are.</summary>
    public static readonly TimeSpan LatestWindow = TimeSpan.FromDays(7);

    /// <summary>History range when the caller gives no <c>from</c>: the day up to <c>to</c>.</summary>
    public static readonly TimeSpan DefaultHistory = TimeSpan.FromHours(24);

    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/telemetry").WithTags("Telemetry").WithServerProblems();
        group.MapGet("/trucks", LatestAsync).RequireAuthorization(Policies.Staff)
            .WithName("GetLatestPerTruck").WithSummary("Each truck's newest readings, position, door and number of alerts not cleared (trucks heard from in the last 7 days).");
        group.MapGet("/trucks/{truck}/history", HistoryAsync).RequireAuthorization(Policies.Quality)
            .WithName("GetTruckHistory").WithSummary("A truck's readings per sensor in buckets (mean, min, max), its profile's bands and the excursions in the range.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<TruckLatest>>> LatestAsync(InfluxDbClient influx, AlertStore alerts, TimeProvider clock,
        CancellationToken ct)
    {
        var since = clock.GetUtcNow() - LatestWindow;
        var readings = TelemetrySchema.ReadLatest(await influx.QueryAsync(TelemetrySchema.LatestPerTruck(since), ct));
        var positions = TelemetrySchema.ReadLatestPositions(await influx.QueryAsync(TelemetrySchema.LatestPositions(since), ct));
        var open = (await alerts.GetOpenAsync(ct)).GroupBy(a => a.Truck).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var trucks = readings.Select(r => r.Truck).Concat(positions.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        IReadOnlyList<TruckLatest> result = trucks.Select(truck =>
        {
            var sensors = readings.Where(r => r.Truck == truck)
                .Select(r => new TruckLatest.SensorLatest(r.Sensor, r.Time, r.TemperatureC, r.HumidityPct)).ToList();
            var position = positions.GetValueOrDefault(truck);
            var at = sensors.Select(s => s.At).Append(position?.Time ?? DateTimeOffset.MinValue).Max();
            return new TruckLatest(truck, at, sensors, position?.DoorOpen, position?.Latitude, position?.Longitude, open.GetValueOrDefault(truck));
        }).ToList();
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<TruckHistory>, ValidationProblem>> HistoryAsync(string truck, string? from, string? to, string? sensor,
        string? bucket, InfluxDbClient influx, ExcursionService excursions, IOptions<AlertOptions> alertOptions, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new QueryErrors();
        var truckId = errors.Truck("truck", truck, required: true);
        var end = errors.Instant("to", to) ?? clock.GetUtcNow();
        var start = errors.Instant("from", from) ?? QueryErrors.Before(end, DefaultHistory);
        var sensorName = errors.Sensor("sensor", sensor);
        var step = errors.Bucket("bucket", bucket, TimeSpan.FromMinutes(1));
        errors.Range(start, end, QueryErrors.MaxRange);
        if (!errors.Any && step is { } s && (end - start).Ticks / s.Ticks > TelemetrySchema.MaxBuckets)
            errors.Add("bucket", $"'{bucket}' gives {(end - start).Ticks / s.Ticks} buckets over the range; at most {TelemetrySchema.MaxBuckets}: choose a larger bucket.");
        if (errors.Any || truckId is null || step is null) return errors.ToProblem();

        IEnumerable<string> sensors = sensorName is not null
            ? [sensorName]
            : TelemetrySchema.ReadSensors(await influx.QueryAsync(TelemetrySchema.Sensors(truckId, start, end), ct)).Order(StringComparer.Ordinal).ToList();
        var series = new List<TruckHistory.SensorSeries>();
        foreach (var name in sensors)
        {
            var buckets = TelemetrySchema.ReadHistory(await influx.QueryAsync(TelemetrySchema.History(truckId, name, start, end, step.Value), ct));
            series.Add(new(name, buckets.Select(b => new TruckHistory.Point(b.Start, b.TemperatureMeanC, b.TemperatureMinC, b.TemperatureMaxC,
                b.HumidityMeanPct, b.HumidityMinPct, b.HumidityMaxPct)).ToList()));
        }
        var found = await excursions.ListAsync(truckId, sensorName, start, end, ct);
        return TypedResults.Ok(new TruckHistory(truckId, start, end, InfluxQl.Duration(step.Value), ProfileView.For(alertOptions.Value, truckId),
            series, found));
    }
}
