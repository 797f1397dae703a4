using System.Diagnostics;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Protocol;

public class DecoderFuzzTests
{
    private static readonly byte[][] Seeds =
    [
        new ConnectPacket("T-001", false, 30, "T-001", "pw", new MqttWillMessage("fleet/T-001/status", "offline"u8.ToArray(), MqttQualityOfService.AtLeastOnce, true)).ToBytes(),
        Packets.Encode(new ConnackPacket(true, ConnectReturnCode.Accepted)),
        Packets.Encode(new PublishPacket("fleet/T-001/telemetry", "{\"seq\":1}"u8.ToArray(), MqttQualityOfService.ExactlyOnce, true, true, 7)),
        Packets.Encode(new AckPacket(PacketType.Pubrel, 7)),
        Packets.Encode(new SubscribePacket(1, [new("fleet/+/telemetry", MqttQualityOfService.AtLeastOnce), new("a/#", 0)])),
        Packets.Encode(new SubackPacket(1, [1, 0x80])),
        Packets.Encode(new UnsubscribePacket(2, ["a/+"])),
        Packets.Encode(EmptyPacket.Pingresp),
    ];

    /// <summary>Half random bytes, half valid packets with a few bytes flipped, cut or extended:
    /// the decoder returns a packet, asks for more, or throws MqttProtocolException, and nothing else.</summary>
    [Fact]
    public void A_hundred_thousand_seeded_random_inputs_end_in_a_packet_a_request_for_more_or_a_protocol_error()
    {
        var random = new Random(20261122);
        var outcomes = new int[3];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 100_000; i++)
        {
            var input = i % 2 == 0 ? RandomBytes(random) : Mutate(random, Seeds[random.Next(Seeds.Length)]);
            try
            {
                var packet = PacketDecoder.Decode(input, 4096, out var consumed);
                if (packet is null) outcomes[0]++;
                else
                {
                    outcomes[1]++;
                    Assert.InRange(consumed, 2, input.Length);
                }
            }
            catch (MqttProtocolException)
            {
                outcomes[2]++;
            }
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.All(outcomes, count => Assert.True(count > 1000, $"outcomes {string.Join('/', outcomes)} should each be common"));
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 40)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = seed.ToList();
        var edits = random.Next(0, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            switch (random.Next(4))
            {
                case 0: bytes[random.Next(bytes.Count)] = (byte)random.Next(256); break;
                case 1: bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8)); break;
                case 2: bytes.RemoveRange(random.Next(bytes.Count), 1); break;
                default: bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256)); break;
            }
        }
        if (random.Next(4) == 0)
        {
            var keep = random.Next(bytes.Count + 1);
            bytes.RemoveRange(keep, bytes.Count - keep);
        }
        return [.. bytes];
    }
}
