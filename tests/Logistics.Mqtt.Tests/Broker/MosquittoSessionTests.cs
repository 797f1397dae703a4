using static Logistics.Mqtt.Tests.Broker.BrokerFixture;

namespace Logistics.Mqtt.Tests.Broker;

/// <summary>Persistent sessions (clean session off) on the test profile's Mosquitto: nothing the
/// broker believes undelivered is lost when our client is away or dies before acknowledging.</summary>
public class MosquittoSessionTests
{
    [Fact]
    public async Task Messages_published_while_the_client_is_away_are_delivered_after_it_reconnects()
    {
        const string truck = "T-031";
        var id = NewClientId("resume");
        await using (var first = await ConnectedAsync(Listener(id, cleanSession: false)))
        {
            await first.SubscribeAsync($"fleet/{truck}/telemetry", MqttQualityOfService.AtLeastOnce, Limit);
            await first.DisconnectAsync(Limit);
        }
        for (var i = 1; i <= 3; i++) await MosquittoPubAsync(truck, $"fleet/{truck}/telemetry", $"away-{i}", 1);

        await using var second = new MqttClient(Listener(id, cleanSession: false));
        Assert.True(await second.ConnectAsync(Limit), "the broker should resume the session");
        var received = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var message = await NextAsync(second);
            received.Add(Text(message));
            await message.AcknowledgeAsync(Limit);
        }
        Assert.Equal(["away-1", "away-2", "away-3"], received);
        await second.DisconnectAsync(Limit);
        await using var cleanup = await ConnectedAsync(Listener(id, cleanSession: true));
    }

    [Fact]
    public async Task A_message_received_but_not_acknowledged_before_the_connection_dies_is_delivered_again()
    {
        const string truck = "T-032";
        var id = NewClientId("redeliver");
        var first = await ConnectedAsync(Listener(id, cleanSession: false));
        await first.SubscribeAsync($"fleet/{truck}/telemetry", MqttQualityOfService.AtLeastOnce, Limit);
        await MosquittoPubAsync(truck, $"fleet/{truck}/telemetry", "must-not-be-lost", 1);
        var unacknowledged = await NextAsync(first);
        Assert.Equal("must-not-be-lost", Text(unacknowledged));
        first.AbortConnection(); // a crash before the reading reached the durable log
        await Assert.ThrowsAsync<MqttTransportException>(async () => await first.Messages.WaitToReadAsync(Limit));
        await unacknowledged.AcknowledgeAsync(Limit); // too late: the connection is gone, so this sends nothing
        await first.DisposeAsync();

        await using (var second = new MqttClient(Listener(id, cleanSession: false)))
        {
            Assert.True(await second.ConnectAsync(Limit));
            var again = await NextAsync(second);
            Assert.Equal(("must-not-be-lost", true), (Text(again), again.Duplicate));
            await again.AcknowledgeAsync(Limit);
            await second.DisconnectAsync(Limit);
        }

        // Acknowledged now: a third connection gets the next message, not the old one again.
        await MosquittoPubAsync(truck, $"fleet/{truck}/telemetry", "next", 1);
        await using var third = new MqttClient(Listener(id, cleanSession: false));
        await third.ConnectAsync(Limit);
        var next = await NextAsync(third);
        Assert.Equal("next", Text(next));
        await next.AcknowledgeAsync(Limit);
        await third.DisconnectAsync(Limit);
        await using var cleanup = await ConnectedAsync(Listener(id, cleanSession: true));
    }

    [Fact]
    public async Task Qos2_out_of_our_client_arrives_once_at_a_qos2_subscriber()
    {
        const string truck = "T-033";
        await using var listener = await ConnectedAsync(Listener(NewClientId("q2")));
        await listener.SubscribeAsync($"fleet/{truck}/telemetry", MqttQualityOfService.ExactlyOnce, Limit);
        await using var device = await ConnectedAsync(Device(truck));
        for (var i = 0; i < 50; i++)
            await device.PublishAsync($"fleet/{truck}/telemetry", new[] { (byte)i }, MqttQualityOfService.ExactlyOnce, false, Limit);
        for (var i = 0; i < 50; i++)
        {
            var message = await NextAsync(listener);
            Assert.Equal((byte)i, message.Payload.Span[0]);
            await message.AcknowledgeAsync(Limit);
        }
        await device.PublishAsync($"fleet/{truck}/telemetry", "end"u8.ToArray(), MqttQualityOfService.AtMostOnce, false, Limit);
        Assert.Equal("end", Text(await NextAsync(listener)));
    }
}
