using System.Buffers;
using System.Runtime.CompilerServices;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Internal;

/// <summary>Reads whole packets from a stream into one pooled buffer. The buffer starts small, as
/// most connections of a fleet are idle, and grows to hold a larger packet (never beyond the maximum
/// packet size) or, while reads keep filling it, to read a busy stream in bigger gulps (up to
/// <see cref="ReadAheadLimit"/> or the maximum packet size, whichever is smaller). The body of the last packet read stays valid until the next read.
/// Not thread-safe: one reader loop per connection.</summary>
internal sealed class PacketReader(Stream stream, int maximumPacketSize) : IDisposable
{
    internal const int InitialSize = 1024;
    internal const int ReadAheadLimit = 64 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, maximumPacketSize));
    private int _start;
    private int _end;
    private int _last;
    private bool _filled;
    private FixedHeader _header;

    /// <summary>The buffer's current size, for tests.</summary>
    internal int BufferSize => _buffer.Length;

    public ReadOnlySpan<byte> Body => _buffer.AsSpan(_start + _header.HeaderLength, _header.RemainingLength);
    public ReadOnlySpan<byte> Packet => _buffer.AsSpan(_start, _header.PacketLength);

    /// <exception cref="MqttProtocolException">Malformed or oversize packet.</exception>
    /// <exception cref="EndOfStreamException">The peer closed the connection.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<FixedHeader> ReadAsync(CancellationToken cancellationToken)
    {
        _start += _last;
        _last = 0;
        if (_start == _end) _start = _end = 0;
        while (true)
        {
            var needed = 5;
            if (FixedHeader.TryRead(_buffer.AsSpan(_start, _end - _start), maximumPacketSize, out var header))
            {
                if (_end - _start >= header.PacketLength)
                {
                    _header = header;
                    _last = header.PacketLength;
                    return header;
                }
                needed = header.PacketLength;
            }
            MakeRoom(needed);
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0) throw new EndOfStreamException("The broker closed the connection.");
            _end += read;
            _filled = _end == _buffer.Length;
        }
    }

    private void MakeRoom(int packetLength)
    {
        var size = _buffer.Length;
        if (size < packetLength) size = Math.Max(packetLength, size * 2);
        else if (_filled && size < Math.Min(ReadAheadLimit, maximumPacketSize))
            size = Math.Min(size * 2, Math.Min(ReadAheadLimit, maximumPacketSize)); // more was waiting: read more at once
        _filled = false;
        if (size == _buffer.Length && _buffer.Length - _start >= packetLength && _end < _buffer.Length) return;
        var target = _buffer;
        if (size > _buffer.Length)
            target = ArrayPool<byte>.Shared.Rent(size);
        Buffer.BlockCopy(_buffer, _start, target, 0, _end - _start);
        _end -= _start;
        _start = 0;
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}
