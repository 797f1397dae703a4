using System.Text;
using static Logistics.Mqtt.Tests.Broker.BrokerFixture;

namespace Logistics.Mqtt.Tests.Broker;

/// <summary>Mosquitto 2.0.11 (Debian 12's) enforces a client's in-flight window only until the first PUBACK arrives
/// (fixed upstream in 2.0.13): once acknowledgements flow it sends a QoS 1 backlog as fast as it can. What holds a
/// slow application back is then our client's bounded receive queue: it stops reading the connection when the queue
/// is full, and nothing is lost.</summary>
public class ReceiveQueueBackPressureTests
{
    [Fact]
    public async Task A_slow_application_gets_at_most_the_receive_queue_and_then_every_message_in_order()
    {
        // A truck no other test uses: test classes run in parallel on one broker, and a class that shared this
        // truck's topic (MosquittoSessionTests used T-033 too) received the other's messages now and then.
        const string truck = "T-034";
        const int capacity = 20, count = 300;
        var id = NewClientId("slow");
        await using var listener = await ConnectedAsync(Listener(id) with { ReceiveQueueCapacity = capacity });
        await listener.SubscribeAsync($"fleet/{truck}/telemetry", MqttQualityOfService.AtLeastOnce, Limit);
        await using (var device = await ConnectedAsync(Device(truck)))
            for (var i = 1; i <= count; i++)
                await device.PublishAsync($"fleet/{truck}/telemetry", Encoding.UTF8.GetBytes($"m-{i}"), MqttQualityOfService.AtLeastOnce, false, Limit);

        // Acknowledgements flowing: the broker's own window no longer holds anything back.
        var received = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var message = await NextAsync(listener);
            received.Add(Text(message));
            await message.AcknowledgeAsync(Limit);
        }
        // The application stops reading: the queue fills to its capacity and no further.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (listener.Messages.Count < capacity && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(capacity, listener.Messages.Count);
        await Task.Delay(500);
        Assert.Equal(capacity, listener.Messages.Count);

        while (received.Count < count)
        {
            var message = await NextAsync(listener);
            received.Add(Text(message));
            await message.AcknowledgeAsync(Limit);
        }
        Assert.Equal(Enumerable.Range(1, count).Select(i => $"m-{i}"), received);
    }
}
