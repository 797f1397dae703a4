using System.Diagnostics;
using System.Text;
using static Logistics.Mqtt.Tests.Broker.BrokerFixture;

namespace Logistics.Mqtt.Tests.Broker;

/// <summary>Our client and the reference clients mosquitto_pub/mosquitto_sub, through the test
/// profile's Mosquitto with its ACL.</summary>
public class MosquittoInteropTests
{
    [Theory]
    [InlineData(0, "T-011")]
    [InlineData(1, "T-012")]
    [InlineData(2, "T-013")]
    public async Task A_message_from_mosquitto_pub_reaches_our_client_at_its_qos(int qos, string truck)
    {
        await using var listener = await ConnectedAsync(Listener(NewClientId("in")));
        var granted = await listener.SubscribeAsync($"fleet/{truck}/telemetry", (MqttQualityOfService)qos, Limit);
        Assert.Equal([(MqttQualityOfService)qos], granted);
        var text = $"reading-{Guid.NewGuid():N}";

        await MosquittoPubAsync(truck, $"fleet/{truck}/telemetry", text, qos);

        var message = await NextAsync(listener);
        Assert.Equal((text, $"fleet/{truck}/telemetry", (MqttQualityOfService)qos, false), (Text(message), message.Topic, message.QualityOfService, message.Retain));
        await message.AcknowledgeAsync(Limit);
    }

    [Theory]
    [InlineData(0, "T-014")]
    [InlineData(1, "T-015")]
    [InlineData(2, "T-016")]
    public async Task A_message_from_our_client_reaches_mosquitto_sub_at_its_qos(int qos, string truck)
    {
        var topic = $"fleet/{truck}/telemetry";
        // stdbuf: line-buffered stdout, so the SUBACK line arrives while mosquitto_sub is still running.
        using var sub = Process.Start(ProcessRunner.StartInfo("stdbuf",
            ["-oL", "mosquitto_sub", .. Connection(TestServers.ListenerUser, TestServers.ListenerPassword), "-i", NewClientId("sub"), "-q", qos.ToString(), "-t", topic, "-v", "-d", "-C", "1", "-W", "10"]))!;
        try
        {
            // With -d it reports its SUBACK; from then on it receives (QoS 0 is not queued for a session that is away).
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            string? line;
            while ((line = await sub.StandardOutput.ReadLineAsync(limit.Token)) is not null && !line.Contains("received SUBACK")) { }
            Assert.NotNull(line);

            var text = $"reading-{Guid.NewGuid():N}";
            await using (var device = await ConnectedAsync(Device(truck)))
            {
                await device.PublishAsync(topic, Encoding.UTF8.GetBytes(text), (MqttQualityOfService)qos, false, Limit);
                await device.DisconnectAsync(Limit);
            }
            var rest = await sub.StandardOutput.ReadToEndAsync(limit.Token);
            await sub.WaitForExitAsync(limit.Token);
            Assert.Contains($"{topic} {text}", rest.Split('\n').Select(l => l.Trim()));
            Assert.Contains($"q{qos}", rest); // "Client ... received PUBLISH (d0, q1, r0, m1, ...)"
        }
        finally
        {
            if (!sub.HasExited) sub.Kill();
        }
    }

    [Fact]
    public async Task A_retained_status_is_delivered_to_a_later_subscriber_with_the_retain_flag()
    {
        const string truck = "T-017";
        var topic = $"fleet/{truck}/status";
        await using (var device = await ConnectedAsync(Device(truck)))
            await device.PublishAsync(topic, "online"u8.ToArray(), MqttQualityOfService.AtLeastOnce, retain: true, Limit);

        await using var listener = await ConnectedAsync(Listener(NewClientId("ret")));
        await listener.SubscribeAsync(topic, MqttQualityOfService.AtLeastOnce, Limit);
        var message = await NextAsync(listener);
        Assert.Equal(("online", true), (Text(message), message.Retain));
        await message.AcknowledgeAsync(Limit);

        await using var clear = await ConnectedAsync(Device(truck)); // an empty retained message clears it
        await clear.PublishAsync(topic, ReadOnlyMemory<byte>.Empty, MqttQualityOfService.AtLeastOnce, retain: true, Limit);
    }

    [Fact]
    public async Task The_will_is_published_when_the_connection_drops_without_disconnect_and_not_after_a_graceful_one()
    {
        const string truck = "T-018";
        var topic = $"fleet/{truck}/status";
        await using var listener = await ConnectedAsync(Listener(NewClientId("will")));
        await listener.SubscribeAsync(topic, MqttQualityOfService.AtLeastOnce, Limit);
        var will = new MqttWillMessage(topic, "offline"u8.ToArray(), MqttQualityOfService.AtLeastOnce);

        await using (var graceful = await ConnectedAsync(Device(truck) with { Will = will }))
            await graceful.DisconnectAsync(Limit);
        var device = await ConnectedAsync(Device(truck) with { Will = will });
        await device.PublishAsync(topic, "online"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false, Limit);
        device.AbortConnection();

        // "online" first: the graceful disconnect before it published no will. A status retained on
        // the broker by an earlier run (a simulator's last "offline") comes before, flagged retained.
        var first = await NextAsync(listener);
        while (first.Retain) first = await NextAsync(listener);
        Assert.Equal("online", Text(first));
        var last = await NextAsync(listener);
        Assert.Equal(("offline", topic), (Text(last), last.Topic));
        await device.DisposeAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_typed_error()
    {
        await using var client = new MqttClient(Device("T-019") with { Password = "not-the-password" });
        var e = await Assert.ThrowsAsync<MqttConnectionRefusedException>(() => client.ConnectAsync(Limit));
        Assert.Equal(ConnectReturnCode.NotAuthorized, e.ReturnCode);
        Assert.Contains("not authorised", e.Message);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task A_device_cannot_publish_into_another_trucks_topic()
    {
        await using var listener = await ConnectedAsync(Listener(NewClientId("acl")));
        await listener.SubscribeAsync("fleet/T-021/telemetry", MqttQualityOfService.AtLeastOnce, Limit);

        await using (var intruder = await ConnectedAsync(Device("T-020")))
            // MQTT 3.1.1 cannot refuse a PUBLISH: Mosquitto acknowledges it and drops it.
            await intruder.PublishAsync("fleet/T-021/telemetry", "forged-by-T-020"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false, Limit);
        await using (var owner = await ConnectedAsync(Device("T-021")))
            await owner.PublishAsync("fleet/T-021/telemetry", "genuine"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false, Limit);

        // The forged one, had it passed, would have come first: both went through the same broker in order.
        var message = await NextAsync(listener);
        Assert.Equal("genuine", Text(message));
        await message.AcknowledgeAsync(Limit);
        Assert.False(listener.Messages.TryRead(out _));
    }

    [Fact]
    public async Task A_device_may_not_subscribe_to_another_trucks_alerts_and_is_told_so_or_receives_nothing()
    {
        await using var device = await ConnectedAsync(Device("T-022"));
        try
        {
            await device.SubscribeAsync([new("fleet/T-023/alerts", MqttQualityOfService.AtLeastOnce), new("fleet/T-022/alerts", MqttQualityOfService.AtLeastOnce)], Limit);
        }
        catch (MqttSubscriptionRefusedException e)
        {
            Assert.Equal(["fleet/T-023/alerts"], e.RefusedFilters);
        }
        await using (var service = await ConnectedAsync(Listener(NewClientId("svc"))))
        {
            await service.PublishAsync("fleet/T-023/alerts", "not yours"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false, Limit);
            await service.PublishAsync("fleet/T-022/alerts", "yours"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false, Limit);
        }
        var message = await NextAsync(device);
        Assert.Equal(("yours", "fleet/T-022/alerts"), (Text(message), message.Topic));
        await message.AcknowledgeAsync(Limit);
    }
}
