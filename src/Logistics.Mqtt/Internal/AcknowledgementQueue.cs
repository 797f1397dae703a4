using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Internal;

/// <summary>Incoming QoS 1 and 2 messages of one connection in arrival order, so that PUBACK and
/// PUBREC go out in the order the PUBLISH packets came in [MQTT-4.6.0-2, -3] even when the
/// application acknowledges out of order: an acknowledgement waits for all earlier ones.
/// Thread-safe.</summary>
internal sealed class AcknowledgementQueue
{
    private struct Entry
    {
        public ushort PacketId;
        public bool ExactlyOnce;
        public bool Acknowledged;
    }

    private readonly object _gate = new();
    private Entry[] _ring = new Entry[16]; // grows with the unacknowledged messages
    private long _head;
    private long _tail;

    public int Pending
    {
        get { lock (_gate) return (int)(_tail - _head); }
    }

    /// <returns>The message's sequence number, for <see cref="MarkAcknowledged"/>.</returns>
    public long Add(ushort packetId, bool exactlyOnce)
    {
        lock (_gate)
        {
            if (_tail - _head == _ring.Length) Grow();
            _ring[_tail % _ring.Length] = new Entry { PacketId = packetId, ExactlyOnce = exactlyOnce };
            return _tail++;
        }
    }

    /// <returns>False when the message was acknowledged already.</returns>
    public bool MarkAcknowledged(long sequence)
    {
        lock (_gate)
        {
            if (sequence < _head || sequence >= _tail) return false;
            ref var entry = ref _ring[sequence % _ring.Length];
            if (entry.Acknowledged) return false;
            entry.Acknowledged = true;
            return true;
        }
    }

    /// <summary>Writes PUBACK/PUBREC for the acknowledged messages at the head of the queue, as many
    /// as fit, and removes them. <paramref name="onPubrec"/> is told each QoS 2 packet id.</summary>
    /// <returns>Bytes written; 0 when the head is not acknowledged yet.</returns>
    public int Drain(Span<byte> destination, Action<ushort> onPubrec)
    {
        lock (_gate)
        {
            var at = 0;
            while (_head < _tail && destination.Length - at >= AckPacket.PacketSize)
            {
                ref var entry = ref _ring[_head % _ring.Length];
                if (!entry.Acknowledged) break;
                var type = entry.ExactlyOnce ? PacketType.Pubrec : PacketType.Puback;
                at += AckPacket.Write(destination[at..], type, entry.PacketId);
                if (entry.ExactlyOnce) onPubrec(entry.PacketId);
                _head++;
            }
            return at;
        }
    }

    private void Grow()
    {
        var bigger = new Entry[_ring.Length * 2];
        for (var s = _head; s < _tail; s++) bigger[s % bigger.Length] = _ring[s % _ring.Length];
        _ring = bigger;
    }
}
