using Logistics.Mqtt.Internal;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Client;

public class AcknowledgementQueueTests
{
    private static (PacketType, ushort)[] Drain(AcknowledgementQueue queue, List<ushort>? pubrecs = null)
    {
        var buffer = new byte[64];
        var length = queue.Drain(buffer, id => pubrecs?.Add(id));
        return Enumerable.Range(0, length / 4)
            .Select(i => ((PacketType)(buffer[i * 4] >> 4), (ushort)(buffer[i * 4 + 2] << 8 | buffer[i * 4 + 3])))
            .ToArray();
    }

    [Fact]
    public void Acknowledgements_leave_in_arrival_order_whatever_order_the_application_acknowledges_in()
    {
        var queue = new AcknowledgementQueue();
        var first = queue.Add(10, exactlyOnce: false);
        var second = queue.Add(11, exactlyOnce: true);
        var third = queue.Add(12, exactlyOnce: false);

        Assert.True(queue.MarkAcknowledged(third));
        Assert.Empty(Drain(queue));
        Assert.True(queue.MarkAcknowledged(first));
        Assert.Equal([(PacketType.Puback, (ushort)10)], Drain(queue));
        var pubrecs = new List<ushort>();
        Assert.True(queue.MarkAcknowledged(second));
        Assert.Equal([(PacketType.Pubrec, (ushort)11), (PacketType.Puback, (ushort)12)], Drain(queue, pubrecs));
        Assert.Equal([(ushort)11], pubrecs);
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public void Acknowledging_twice_or_unknown_sequences_does_nothing()
    {
        var queue = new AcknowledgementQueue();
        var s = queue.Add(1, false);
        Assert.True(queue.MarkAcknowledged(s));
        Assert.False(queue.MarkAcknowledged(s));
        Assert.Single(Drain(queue));
        Assert.False(queue.MarkAcknowledged(s));
        Assert.False(queue.MarkAcknowledged(99));
        Assert.Empty(Drain(queue));
    }

    [Fact]
    public void The_ring_grows_past_its_first_size_and_keeps_the_order()
    {
        var queue = new AcknowledgementQueue();
        var sequences = Enumerable.Range(1, 1000).Select(i => queue.Add((ushort)i, false)).ToArray();
        foreach (var s in sequences.Reverse()) queue.MarkAcknowledged(s);
        var ids = new List<ushort>();
        (PacketType, ushort)[] batch;
        while ((batch = Drain(queue)).Length > 0) ids.AddRange(batch.Select(b => b.Item2));
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (ushort)i), ids);
    }
}
