using System.Text;

namespace Logistics.Mqtt.Tests.Broker;

/// <summary>Automatic reconnect when the broker restarts under the client, on a private Mosquitto.</summary>
public class BrokerRestartTests
{
    private static CancellationToken Limit => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    /// <summary>Completes at the first Connected event after a Disconnected one.</summary>
    private static Task<MqttConnectionStateChangedEventArgs> Reconnected(MqttClient client)
    {
        var done = new TaskCompletionSource<MqttConnectionStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lost = false;
        client.ConnectionStateChanged += (_, e) =>
        {
            if (e.State == MqttConnectionState.Disconnected) lost = true;
            else if (lost) done.TrySetResult(e);
        };
        return done.Task;
    }

    [Fact]
    public async Task After_a_broker_restart_clients_reconnect_resume_or_remake_their_subscriptions_and_deliver_what_was_pending()
    {
        await using var broker = await PrivateMosquitto.StartAsync();
        MqttClientOptions Options(string clientId, string user, string password, bool cleanSession) => new()
        {
            Host = "127.0.0.1", Port = broker.Port, ClientId = clientId, Username = user, Password = password, CleanSession = cleanSession,
            KeepAlive = TimeSpan.FromSeconds(2), AutoReconnect = true,
            ReconnectMinimumDelay = TimeSpan.FromMilliseconds(100), ReconnectMaximumDelay = TimeSpan.FromMilliseconds(500),
        };
        await using var persistent = new MqttClient(Options("restart-persistent", "svc.listener", broker.ListenerPassword, cleanSession: false));
        await using var clean = new MqttClient(Options("restart-clean", "svc.listener", broker.ListenerPassword, cleanSession: true));
        await using var device = new MqttClient(Options("restart-device", "T-001", broker.DevicePassword("T-001"), cleanSession: false));
        foreach (var c in new[] { persistent, clean, device }) await c.ConnectAsync(Limit);
        await persistent.SubscribeAsync("fleet/+/telemetry", MqttQualityOfService.AtLeastOnce, Limit);
        await clean.SubscribeAsync("fleet/+/telemetry", MqttQualityOfService.AtLeastOnce, Limit);
        var persistentBack = Reconnected(persistent);
        var cleanBack = Reconnected(clean);
        var deviceBack = Reconnected(device);

        await broker.StopAsync();
        // Accepted while the broker is down; goes out when the device is back.
        var pending = device.PublishAsync("fleet/T-001/telemetry", "during-outage"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false, Limit).AsTask();
        await broker.StartAgainAsync();

        Assert.True((await persistentBack.WaitAsync(Limit)).SessionPresent, "the persistent session should survive the restart");
        Assert.False((await cleanBack.WaitAsync(Limit)).SessionPresent);
        await deviceBack.WaitAsync(Limit);
        await pending.WaitAsync(Limit);

        var resumed = await persistent.Messages.ReadAsync(Limit);
        Assert.Equal("during-outage", Encoding.UTF8.GetString(resumed.Payload.Span));
        await resumed.AcknowledgeAsync(Limit);

        // The clean client lost its session with the restart; it subscribed again by itself.
        await device.PublishAsync("fleet/T-001/telemetry", "after-restart"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false, Limit);
        MqttMessage fromClean;
        while (Encoding.UTF8.GetString((fromClean = await clean.Messages.ReadAsync(Limit)).Payload.Span) != "after-restart")
            await fromClean.AcknowledgeAsync(Limit); // "during-outage" may or may not have reached it, depending on who came back first
        await fromClean.AcknowledgeAsync(Limit);
        var next = await persistent.Messages.ReadAsync(Limit);
        Assert.Equal("after-restart", Encoding.UTF8.GetString(next.Payload.Span));
    }
}
