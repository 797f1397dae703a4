using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Client;

/// <summary>Packet identifiers through the whole client: they wrap from 65,535 to 1, and one held by a
/// long-pending request is never handed to another packet meanwhile.</summary>
public class PacketIdWraparoundTests
{
    [Fact]
    public async Task Publishes_wrap_around_the_ids_without_reusing_the_id_of_a_subscribe_awaiting_its_suback()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options() with { MaximumInflight = 64 });
        var connecting = client.ConnectAsync(limit.Token);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        var subscribing = client.SubscribeAsync("fleet/+/commands", MqttQualityOfService.AtLeastOnce, limit.Token);
        var subscribe = await peer.ReceiveAsync<SubscribePacket>();

        const int count = 70_000;
        var acknowledging = Task.Run(async () =>
        {
            var ids = new List<ushort>(count);
            while (ids.Count < count)
            {
                if (await peer.ReceiveAsync() is not PublishPacket publish) continue; // a PINGREQ
                ids.Add(publish.PacketId);
                // Acknowledge in pairs, the second before the first, so completions are out of order.
                if (ids.Count % 2 == 0)
                {
                    await peer.SendAsync(new AckPacket(PacketType.Puback, publish.PacketId));
                    await peer.SendAsync(new AckPacket(PacketType.Puback, ids[^2]));
                }
            }
            return ids;
        });
        var payload = new byte[8];
        var publishing = Task.WhenAll(Enumerable.Range(0, count)
            .Select(_ => client.PublishAsync("fleet/T-001/telemetry", payload, MqttQualityOfService.AtLeastOnce, false, limit.Token).AsTask()).ToArray());
        if (await Task.WhenAny(publishing, acknowledging) != publishing) await acknowledging; // the peer failed: show why
        await publishing;
        var used = await acknowledging.WaitAsync(limit.Token);

        Assert.DoesNotContain(subscribe.PacketId, used);
        Assert.DoesNotContain((ushort)0, used);
        // Concurrent publishes may reach the wire slightly out of id order, so: high ids, then low ones again.
        var high = used.FindIndex(id => id > 65_400);
        Assert.True(high > 0, $"the ids never came near 65535 (highest {used.Max()})");
        Assert.Contains(used.Skip(high), id => id < 100);

        await peer.SendAsync(new SubackPacket(subscribe.PacketId, [1]));
        Assert.Equal([MqttQualityOfService.AtLeastOnce], await subscribing.WaitAsync(limit.Token));
    }
}
