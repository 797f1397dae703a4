using Logistics.Mqtt.Internal;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Client;

public class PacketReaderTests
{
    private static byte[] Publish(int payloadLength, ushort id = 1)
    {
        var packet = new PublishPacket("fleet/T-001/telemetry", new byte[payloadLength], MqttQualityOfService.AtLeastOnce, packetId: id);
        var bytes = new byte[packet.Size];
        packet.WriteTo(bytes);
        return bytes;
    }

    /// <summary>Hands out at most one chunk per read, as a socket does when packets trickle in.</summary>
    private sealed class ChunkedStream(IEnumerable<byte[]> chunks) : Stream
    {
        private readonly Queue<byte[]> _chunks = new(chunks);
        private byte[] _current = [];
        private int _at;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_at == _current.Length)
            {
                if (!_chunks.TryDequeue(out var next)) return 0;
                (_current, _at) = (next, 0);
            }
            var n = Math.Min(count, _current.Length - _at);
            Array.Copy(_current, _at, buffer, offset, n);
            _at += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Packets_that_trickle_in_keep_the_buffer_at_its_initial_size()
    {
        using var reader = new PacketReader(new ChunkedStream(Enumerable.Range(1, 500).Select(i => Publish(200, (ushort)i))), 1024 * 1024);
        for (var i = 1; i <= 500; i++)
        {
            var header = await reader.ReadAsync(CancellationToken.None);
            Assert.Equal((ushort)i, PublishPacket.Parse(header, reader.Body).PacketId);
        }
        Assert.Equal(PacketReader.InitialSize, reader.BufferSize);
    }

    [Fact]
    public async Task A_packet_larger_than_the_buffer_grows_it_and_arrives_whole()
    {
        var big = Publish(100_000, 7);
        var small = Publish(10, 8);
        // Split across reads, and not at packet boundaries.
        using var reader = new PacketReader(new ChunkedStream(big.Concat(small).Chunk(3000)), 1024 * 1024);

        var header = await reader.ReadAsync(CancellationToken.None);
        Assert.Equal(big, reader.Packet.ToArray());
        var publish = PublishPacket.Parse(header, reader.Body);
        Assert.Equal((7, 100_000), (publish.PacketId, publish.Payload.Length));
        Assert.True(reader.BufferSize >= big.Length);
        await reader.ReadAsync(CancellationToken.None);
        Assert.Equal(small, reader.Packet.ToArray());
    }

    [Fact]
    public async Task A_busy_stream_grows_the_buffer_up_to_the_read_ahead_limit_only()
    {
        const int count = 5000;
        var stream = new MemoryStream(Enumerable.Range(1, count).SelectMany(i => Publish(200, (ushort)i)).ToArray()); // every read fills the buffer
        using var reader = new PacketReader(stream, 1024 * 1024);
        for (var i = 1; i <= count; i++)
        {
            var header = await reader.ReadAsync(CancellationToken.None);
            Assert.Equal((ushort)i, PublishPacket.Parse(header, reader.Body).PacketId);
        }
        Assert.Equal(PacketReader.ReadAheadLimit, reader.BufferSize);
    }

    [Fact]
    public async Task Read_ahead_does_not_grow_the_buffer_past_a_small_maximum_packet_size()
    {
        var stream = new MemoryStream(Enumerable.Range(1, 2000).SelectMany(i => Publish(200, (ushort)i)).ToArray());
        using var reader = new PacketReader(stream, 4096);
        for (var i = 0; i < 2000; i++) await reader.ReadAsync(CancellationToken.None);
        Assert.Equal(4096, reader.BufferSize);
    }
}
