using Logistics.Core;
using Logistics.Mqtt;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener;

/// <summary>A listener partition's MQTT connection: a persistent session (clean session off, fixed
/// client id) with QoS 1 subscriptions to its trucks' telemetry and status (every truck's, with one partition),
/// acknowledged by hand once a message is in the journal; alerts for the cabs are published on it too.</summary>
/// <param name="trucks">The partition's trucks, each subscribed to by name; null: every truck (<c>fleet/+/…</c>).</param>
/// <param name="otherTrucks">Trucks of other partitions, unsubscribed from at start: a session made under another number
/// of partitions may still hold their subscriptions.</param>
public sealed class ListenerConnection(MqttClientOptions options, ILogger<ListenerConnection> logger,
    IReadOnlyCollection<string>? trucks = null, IReadOnlyCollection<string>? otherTrucks = null) : IAsyncDisposable
{
    /// <summary>Topics per SUBSCRIBE or UNSUBSCRIBE packet.</summary>
    private const int TopicsPerPacket = 500;

    private readonly MqttClient _client = new(options with { CleanSession = false, AutoAcknowledge = false, AutoReconnect = true });
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public MqttClient Client => _client;
    public bool IsConnected => _client.IsConnected;

    /// <summary>Completes once the first connection and subscription succeeded.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Connects (retrying while the broker is unreachable) and subscribes; the client
    /// reconnects by itself afterwards. Called by the ingestor; others wait for <see cref="Connected"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) { await Connected.WaitAsync(cancellationToken); return; }
        _client.ConnectionStateChanged += (_, e) =>
        {
            if (e.State == MqttConnectionState.Connected)
                logger.LogInformation("Listener connected to MQTT {Host}:{Port} (session resumed: {Session})", options.Host, options.Port, e.SessionPresent);
            else
                logger.LogWarning("Listener lost its MQTT connection: {Error}{Again}", e.Error?.Message ?? "closed",
                    e.WillReconnect ? "; reconnecting" : "");
        };
        var connected = false;
        var retry = UntilDone<MqttException>.Pipeline(TimeSpan.FromSeconds(1), exponential: true, (e, delay) =>
            logger.LogWarning("Listener cannot {Step} MQTT {Host}:{Port} yet ({Error}); trying again in {Delay} s",
                connected ? "subscribe at" : "connect to", options.Host, options.Port, e.Message, delay.TotalSeconds));
        await retry.ExecuteAsync(async ct =>
        {
            if (!connected)
            {
                await _client.ConnectAsync(ct);
                connected = true;
            }
            // The client remembers the subscriptions and makes them again after a reconnect
            // that finds no session.
            foreach (var packet in Filters(trucks).Chunk(TopicsPerPacket))
                await _client.SubscribeAsync(packet.Select(f => new MqttTopicSubscription(f, MqttQualityOfService.AtLeastOnce)).ToList(), ct);
            if (otherTrucks is { Count: > 0 })
                foreach (var packet in Filters(otherTrucks).Chunk(TopicsPerPacket))
                    await _client.UnsubscribeAsync(packet, ct);
        }, cancellationToken);
        if (trucks is null)
            logger.LogInformation("Listener subscribed to {Telemetry} and {Status} at QoS 1 as {ClientId}", FleetTopics.TelemetryFilter, FleetTopics.StatusFilter, options.ClientId);
        else
            logger.LogInformation("Listener subscribed to the telemetry and status of {Trucks} trucks at QoS 1 as {ClientId}", trucks.Count, options.ClientId);
        _connected.TrySetResult();
    }

    private static IEnumerable<string> Filters(IReadOnlyCollection<string>? trucks) =>
        trucks is null
            ? [FleetTopics.TelemetryFilter, FleetTopics.StatusFilter]
            : trucks.SelectMany(t => new[] { FleetTopics.Telemetry(t), FleetTopics.Status(t) });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(CancellationToken.None);
        }
        catch (MqttException)
        {
            // Closing anyway; the broker keeps the session and redelivers what was not acknowledged.
        }
        await _client.DisposeAsync();
    }
}
