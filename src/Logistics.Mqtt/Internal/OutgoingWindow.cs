namespace Logistics.Mqtt.Internal;

/// <summary>The QoS 1/2 messages the client has published and the broker has not yet acknowledged: at most
/// <c>MaximumInflight</c> of them (a publisher waits for room), kept in the order they were published so that a
/// reconnect sends them again in that order. The list is guarded by the caller's lock; waiting for and freeing
/// room is thread-safe.</summary>
internal sealed class OutgoingWindow(int capacity)
{
    private readonly SemaphoreSlim _room = new(capacity, capacity);
    private OutgoingPublish? _oldest;
    private OutgoingPublish? _newest;

    /// <summary>Waits until fewer than the capacity are in flight and takes a place.</summary>
    public Task WaitForRoomAsync(CancellationToken cancellationToken) => _room.WaitAsync(cancellationToken);

    /// <summary>Gives back a place taken by <see cref="WaitForRoomAsync"/>.</summary>
    public void FreeRoom() => _room.Release();

    /// <summary>Every message in flight, oldest first. Caller holds its lock.</summary>
    public List<OutgoingPublish> ToList()
    {
        List<OutgoingPublish> all = [];
        for (var o = _oldest; o is not null; o = o.Next) all.Add(o);
        return all;
    }

    /// <summary>Appends a message just published. Caller holds its lock.</summary>
    public void Add(OutgoingPublish o)
    {
        o.Previous = _newest;
        o.Next = null;
        if (_newest is null) _oldest = o;
        else _newest.Next = o;
        _newest = o;
    }

    /// <summary>Takes out a message that is done with. Caller holds its lock.</summary>
    public void Remove(OutgoingPublish o)
    {
        if (o.Previous is null) _oldest = o.Next;
        else o.Previous.Next = o.Next;
        if (o.Next is null) _newest = o.Previous;
        else o.Next.Previous = o.Previous;
        o.Previous = o.Next = null;
    }
}
