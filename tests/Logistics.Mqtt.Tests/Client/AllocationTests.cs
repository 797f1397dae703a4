using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Client;

[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public class AllocationCollection;

/// <summary>Receiving and acknowledging allocates the payload and nothing else per message (59 bytes
/// measured for a 56-byte payload array). Measured process-wide, so this runs alone.</summary>
[Collection(nameof(AllocationTests))]
public class AllocationTests
{
    [Fact]
    public async Task Receiving_and_acknowledging_a_qos1_message_allocates_little_beyond_its_payload()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options() with { ReceiveQueueCapacity = 100_000 });
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var connecting = client.ConnectAsync(limit.Token);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        const int count = 20_000;
        var stream = Encode(count);
        // Warm-up with the same load: JIT, pools, topic cache, and the queues grown to their working size.
        await RoundAsync(client, peer, stream, count, limit.Token);
        // The counter is process-wide: the least of three rounds filters out what other work allocates meanwhile.
        var perMessage = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await RoundAsync(client, peer, stream, count, limit.Token);
            perMessage = Math.Min(perMessage, (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)count);
        }

        // The 32-byte payload array is 56 bytes on a 64-bit runtime; allow a little for the test's own tasks.
        Assert.True(perMessage < 56 + 24, $"{perMessage:0.0} bytes allocated per message");
    }

    private static byte[] Encode(int count)
    {
        var packet = new PublishPacket("fleet/T-001/telemetry", new byte[32], MqttQualityOfService.AtLeastOnce, packetId: 1);
        var one = new byte[packet.Size];
        packet.WriteTo(one);
        var stream = new byte[one.Length * count];
        for (var i = 0; i < count; i++)
        {
            var id = (ushort)(i % 60_000 + 1);
            one[^34] = (byte)(id >> 8);
            one[^33] = (byte)id;
            one.CopyTo(stream, i * one.Length);
        }
        return stream;
    }

    private static async Task RoundAsync(MqttClient client, FakePeer peer, byte[] stream, int count, CancellationToken cancellationToken)
    {
        var sending = peer.SendAsync(stream);
        var acknowledgements = peer.DrainAsync(count * AckPacket.PacketSize, cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var message = await client.Messages.ReadAsync(CancellationToken.None);
            await message.AcknowledgeAsync(CancellationToken.None);
        }
        await sending;
        await acknowledgements;
    }
}
