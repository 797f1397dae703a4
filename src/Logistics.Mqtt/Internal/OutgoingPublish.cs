using System.Buffers;
using System.Threading.Tasks.Sources;

namespace Logistics.Mqtt.Internal;

/// <summary>One outgoing QoS 1/2 message until the broker has acknowledged it: the encoded packet
/// in a pooled buffer (kept for retransmission with DUP) and the awaitable the publisher waits on.
/// Reused through <see cref="OutgoingPublishPool"/> so that publishing allocates nothing per message.
/// The fields are guarded by the client's lock; completion happens once, after which the protocol
/// side holds no reference.</summary>
internal sealed class OutgoingPublish(OutgoingPublishPool pool) : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private byte[] _packet = [];

    public int Length { get; private set; }
    public ushort PacketId { get; set; }
    public MqttQualityOfService QualityOfService { get; private set; }

    /// <summary>Written to a connection at least once, so a retransmission carries DUP.</summary>
    public bool Sent { get; set; }

    /// <summary>QoS 2: PUBREC came back, so PUBREL rather than PUBLISH is what to repeat.</summary>
    public bool Released { get; set; }

    public OutgoingPublish? Previous { get; set; }
    public OutgoingPublish? Next { get; set; }

    public Memory<byte> Packet => _packet.AsMemory(0, Length);

    public ValueTask Completion => new(this, _core.Version);

    public Span<byte> Prepare(MqttQualityOfService qos, int length)
    {
        QualityOfService = qos;
        Length = length;
        _packet = ArrayPool<byte>.Shared.Rent(length);
        return _packet.AsSpan(0, length);
    }

    public void Complete(Exception? error)
    {
        var packet = _packet;
        _packet = [];
        if (packet.Length > 0) ArrayPool<byte>.Shared.Return(packet);
        if (error is null) _core.SetResult(true);
        else _core.SetException(error);
    }

    public void GetResult(short token)
    {
        try
        {
            _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
            Sent = Released = false;
            Previous = Next = null;
            pool.Return(this);
        }
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
