using Logistics.Service.Api;
using Logistics.Service.Configuration;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;
using Logistics.Telemetry.Alerts.Store;
using Logistics.Telemetry.Excursions;
using Logistics.Telemetry.Influx;
using Microsoft.Extensions.Options;

namespace Logistics.Service.Excursions;

/// <summary>Excursions are not stored: each one is the temperature or humidity alert the engine raised for it (same
/// id), measured again from the readings InfluxDB holds, so a late reading or a changed profile shows at once.</summary>
public sealed class ExcursionService(
    AlertStore alerts,
    InfluxDbClient influx,
    IOptions<AlertOptions> alertOptions,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    IPublishedRoutes routes)
{
    /// <summary>Positions this long before departure and after the planned return are searched for stops too.</summary>
    private static readonly TimeSpan BeforeDeparture = TimeSpan.FromHours(1), AfterReturn = TimeSpan.FromHours(3);

    /// <summary>The excursions of the temperature and humidity alerts that match, newest first.</summary>
    public async Task<IReadOnlyList<ExcursionSummary>> ListAsync(string? truck, string? sensor, DateTimeOffset? from, DateTimeOffset? to,
        CancellationToken ct)
    {
        var found = new List<AlertRecord>();
        foreach (var kind in new[] { AlertKind.TemperatureExcursion, AlertKind.HumidityExcursion })
        {
            var page = await alerts.ListAsync(new AlertQuery { Truck = truck, Kind = kind, From = from, To = to, Limit = AlertQuery.MaxLimit }, ct);
            found.AddRange(page.Items.Where(a => sensor is null || a.Sensor == sensor));
        }
        var result = new List<ExcursionSummary>(found.Count);
        foreach (var alert in found.OrderByDescending(a => a.StartedAt))
            result.Add((await MeasureAsync(alert, ct)).Summary);
        return result;
    }

    /// <summary>The excursion of alert <paramref name="id"/>; null when there is no such alert or it is not a
    /// temperature or humidity excursion.</summary>
    public async Task<(ExcursionSummary Summary, ExcursionPeriod? Period)?> FindAsync(Guid id, CancellationToken ct) =>
        await alerts.GetAsync(id, ct) is { } alert && QuantityOf(alert.Kind) is not null ? await MeasureAsync(alert, ct) : null;

    /// <summary>The deliveries on board during excursion <paramref name="id"/>; null when there is no such excursion.</summary>
    public async Task<AffectedDeliveries?> DeliveriesAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not var (summary, _)) return null;
        var end = summary.End ?? clock.GetUtcNow();
        var candidates = await routes.FindAsync(summary.Truck, summary.Start, end, ct);
        var chosen = candidates
            .Select(r => (Route: r, Overlap: Overlap(Instant(r, r.Route.Departure), Instant(r, r.Route.Return), summary.Start, end)))
            .OrderByDescending(r => r.Overlap).Select(r => r.Route).FirstOrDefault();
        if (chosen is null) return new AffectedDeliveries(summary, null, null, summary.Truck, []);

        var positions = TelemetrySchema.ReadPositions(await influx.QueryAsync(TelemetrySchema.Positions(summary.Truck,
            Instant(chosen, chosen.Route.Departure) - BeforeDeparture, Instant(chosen, chosen.Route.Return) + AfterReturn), ct));
        var exposures = DeliveryExposureCalculator.Compute(chosen.Route, t => Instant(chosen, t), positions, summary.Start, end);
        return new AffectedDeliveries(summary, chosen.PlanId, chosen.Route.RouteId, summary.Truck,
            exposures.Where(e => e.Affected).Select(AffectedDeliveries.Delivery.From).ToList());
    }

    private DateTimeOffset Instant(PublishedRoute route, TimeOnly time) => site.Value.ToInstant(route.Date, time);

    private async Task<(ExcursionSummary Summary, ExcursionPeriod? Period)> MeasureAsync(AlertRecord alert, CancellationToken ct)
    {
        var quantity = QuantityOf(alert.Kind)!.Value;
        var now = clock.GetUtcNow();
        var bands = ExcursionBands.For(alertOptions.Value, alert.Truck, quantity);
        var sensor = alert.Sensor ?? "";
        var samples = TelemetrySchema.ReadSamples(await influx.QueryAsync(
            TelemetrySchema.SensorReadings(alert.Truck, sensor, alert.StartedAt, alert.ClearedAt ?? now), ct));
        var period = ExcursionDetector.Measure(samples, quantity, bands, alert.StartedAt, alert.ClearedAt);
        var name = QuantityName(quantity);
        var severity = ApiNames.Of(alert.Severity);
        if (period is null)
        {
            // The readings are gone or never arrived (InfluxDB was down): the engine's own record still says what happened.
            return (new ExcursionSummary(alert.Id, alert.Truck, sensor, name, severity, alert.StartedAt, alert.ClearedAt, alert.PeakValue, null,
                Minutes((alert.ClearedAt ?? now) - alert.StartedAt), null,
                new(alert.Band?.Min, alert.Band?.Max, severity), alert.Id, bands.Profile, Measured: false), null);
        }
        return (new ExcursionSummary(alert.Id, alert.Truck, sensor, name, severity, period.Start, period.End, period.Peak, period.PeakAt,
            Minutes(period.Duration), period.MeanKineticTemperatureC is { } mkt ? Math.Round(mkt, 2) : null,
            new(period.Band.Min, period.Band.Max, period.Level), alert.Id, bands.Profile, Measured: true), period);
    }

    private static ExcursionQuantity? QuantityOf(AlertKind kind) => kind switch
    {
        AlertKind.TemperatureExcursion => ExcursionQuantity.Temperature,
        AlertKind.HumidityExcursion => ExcursionQuantity.Humidity,
        _ => null,
    };

    private static string QuantityName(ExcursionQuantity q) => q == ExcursionQuantity.Temperature ? "temperature" : "humidity";

    private static double Minutes(TimeSpan t) => Math.Round(t.TotalMinutes, 1);

    private static TimeSpan Overlap(DateTimeOffset aFrom, DateTimeOffset aTo, DateTimeOffset bFrom, DateTimeOffset bTo)
    {
        var from = aFrom > bFrom ? aFrom : bFrom;
        var to = aTo < bTo ? aTo : bTo;
        return to > from ? to - from : TimeSpan.Zero;
    }
}
