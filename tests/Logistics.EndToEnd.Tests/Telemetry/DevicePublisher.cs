using Logistics.Mqtt;

namespace Logistics.EndToEnd.Tests.Telemetry;

/// <summary>An in-cab device: connects as its truck's own account and publishes at QoS 1. A publish
/// counts as acknowledged when its PUBACK arrived.</summary>
public sealed class DevicePublisher : IAsyncDisposable
{
    /// <summary>Publishes kept in flight; below the client's window, so that each publish is queued
    /// at once and messages leave in the order they were handed over.</summary>
    private const int Window = 64;

    private readonly MqttClient _client;
    private long _acknowledged;

    private DevicePublisher(string truck, MqttClient client)
    {
        Truck = truck;
        _client = client;
    }

    public string Truck { get; }
    public string TelemetryTopic => $"fleet/{Truck}/telemetry";
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Connects to the test servers' broker as <paramref name="truck"/>.</summary>
    public static Task<DevicePublisher> ConnectAsync(string truck, CancellationToken cancellationToken = default) =>
        ConnectAsync(truck, TestServers.MqttHost, TestServers.MqttPort, TestServers.DevicePassword(truck), cancellationToken);

    public static async Task<DevicePublisher> ConnectAsync(string truck, string host, int port, string password, CancellationToken cancellationToken = default)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = host,
            Port = port,
            ClientId = $"{truck}-{Guid.NewGuid():N}"[..20],
            Username = truck,
            Password = password,
            MaximumInflight = Window * 2,
            AutoReconnect = true,
            ReconnectMinimumDelay = TimeSpan.FromMilliseconds(200),
            ReconnectMaximumDelay = TimeSpan.FromSeconds(2),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        });
        await client.ConnectAsync(cancellationToken);
        return new DevicePublisher(truck, client);
    }

    /// <summary>Publishes one message on <paramref name="topic"/> (default: the truck's telemetry) and
    /// waits for its PUBACK.</summary>
    public async Task PublishAsync(byte[] payload, string? topic = null, CancellationToken cancellationToken = default)
    {
        await _client.PublishAsync(topic ?? TelemetryTopic, payload, MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken);
        Interlocked.Increment(ref _acknowledged);
    }

    /// <summary>Publishes every payload in order, <see cref="Window"/> in flight, and returns once
    /// the broker acknowledged them all.</summary>
    /// <param name="perSecond">When set, paces the messages to this rate.</param>
    public Task PublishAllAsync(IEnumerable<byte[]> payloads, double? perSecond = null, CancellationToken cancellationToken = default) =>
        PublishAllAsync(payloads.Select(p => ((string?)null, p)), perSecond, cancellationToken);

    /// <summary>As above, each message on its own topic (null: the truck's telemetry).</summary>
    public async Task PublishAllAsync(IEnumerable<(string? Topic, byte[] Payload)> messages, double? perSecond = null, CancellationToken cancellationToken = default)
    {
        var inFlight = new Queue<Task>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sent = 0;
        foreach (var (topic, payload) in messages)
        {
            if (perSecond is { } rate && TimeSpan.FromSeconds(sent / rate) - clock.Elapsed is { Ticks: > 0 } ahead)
                await Task.Delay(ahead, cancellationToken);
            if (inFlight.Count >= Window) await inFlight.Dequeue();
            inFlight.Enqueue(PublishAsync(payload, topic, cancellationToken));
            sent++;
        }
        while (inFlight.Count > 0) await inFlight.Dequeue();
    }

    /// <summary>Subscribes to this truck's alerts (what the cab display receives); they arrive on the returned reader.</summary>
    public async Task<System.Threading.Channels.ChannelReader<MqttMessage>> SubscribeToAlertsAsync(CancellationToken cancellationToken = default)
    {
        await _client.SubscribeAsync($"fleet/{Truck}/alerts", MqttQualityOfService.AtLeastOnce, cancellationToken);
        return _client.Messages;
    }

    public async ValueTask DisposeAsync() => await _client.DisposeAsync();
}
