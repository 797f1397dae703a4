using System.Text.Encodings.Web;
using System.Text.Json;
using Logistics.Core;
using Logistics.Data.Plans;
using Logistics.Mqtt;
using Logistics.Routing.Planning;
using Logistics.Service.Configuration;
using Logistics.Telemetry.Listener;
using Logistics.Telemetry.Listener.Partitions;
using Microsoft.Extensions.Options;

namespace Logistics.Service.Planning.Publishing;

/// <summary>Sends each route of a plan to its truck as a retained QoS 1 message on <c>fleet/{truck}/plan</c>
/// over one of this instance's listener sessions (a device that connects later still gets it), then records the
/// assignment. Thread-safe.</summary>
public sealed class PlanPublisher(ListenerPartitions partitions, PlanStore store, IOptions<SiteOptions> site, TimeProvider clock,
    ILogger<PlanPublisher> logger)
{
    private static readonly TimeSpan ConnectWait = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Store names are Chinese: the cab display reads them as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

        /// <summary>The truck of the route at <paramref name="position"/> (1-based, plan order) when the dispatcher
    /// names none: T-001, T-002 … as the fleet simulator numbers the trucks that drive the plan's routes.</summary>
    public static string DefaultTruck(int position) => $"T-{position:000}";

    /// <exception cref="PublishFailedException">The broker is unreachable or refused a message.</exception>
    public async Task PublishAsync(PlanRecord record, Plan plan, IReadOnlyList<(PlannedRoute Route, string TruckId)> assignment, CancellationToken cancellationToken)
    {
        ListenerConnection connection;
        try
        {
            connection = await partitions.ConnectedAsync(ConnectWait, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new PublishFailedException($"no MQTT session of this instance has been connected for {ConnectWait.TotalSeconds:0} s (the broker is unreachable, or this instance listens to no partition now); try again once /health shows mosquitto up, or through an instance that listens", e);
        }
        var at = clock.GetUtcNow();
        var previous = await store.LatestPublicationAsync(record.Id, cancellationToken);
        try
        {
            foreach (var (route, truck) in assignment)
            {
                var message = DevicePlanMessage.From(record.Id, plan.Date, route, truck, site.Value, at);
                await connection.Client.PublishAsync(FleetTopics.Plan(truck), JsonSerializer.SerializeToUtf8Bytes(message, Json), MqttQualityOfService.AtLeastOnce,
                    retain: true, cancellationToken);
            }
            // A truck that had a route of this plan and has none now must not keep showing it.
            var trucks = assignment.Select(a => a.TruckId).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in previous.Select(p => p.TruckId).Where(t => !trucks.Contains(t)).Distinct())
                await connection.Client.PublishAsync(FleetTopics.Plan(stale), ReadOnlyMemory<byte>.Empty, MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken);
        }
        catch (Exception e) when (e is MqttException or InvalidOperationException)
        {
            throw new PublishFailedException($"the MQTT broker did not take the plan: {e.Message}", e);
        }
        await store.RecordPublicationAsync(record.Id, assignment, at, cancellationToken);
        logger.LogInformation("Published plan {Id} ({Date}) to {Trucks}", record.Id, plan.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", assignment.Select(a => $"{a.Route.RouteId}→{a.TruckId}")));
    }
}
