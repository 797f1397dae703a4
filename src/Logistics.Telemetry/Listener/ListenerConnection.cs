using Logistics.Core;
using Logistics.Mqtt;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener;

/// <summary>The listener's one MQTT connection: a persistent session (clean session off, fixed
/// client id) with QoS 1 subscriptions to every truck's telemetry and status, acknowledged by hand
/// once a message is in the journal; alerts for the cabs are published on it too.</summary>
public sealed class ListenerConnection(MqttClientOptions options, ILogger<ListenerConnection> logger) : IAsyncDisposable
{
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
            await _client.SubscribeAsync(
                [new MqttTopicSubscription(FleetTopics.TelemetryFilter, MqttQualityOfService.AtLeastOnce), new MqttTopicSubscription(FleetTopics.StatusFilter, MqttQualityOfService.AtLeastOnce)],
                ct);
        }, cancellationToken);
        logger.LogInformation("Listener subscribed to {Telemetry} and {Status} at QoS 1 as {ClientId}", FleetTopics.TelemetryFilter, FleetTopics.StatusFilter, options.ClientId);
        _connected.TrySetResult();
    }

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
