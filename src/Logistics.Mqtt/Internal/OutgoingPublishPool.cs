namespace Logistics.Mqtt.Internal;

/// <summary>Recycles <see cref="OutgoingPublish"/> objects. Thread-safe.</summary>
internal sealed class OutgoingPublishPool
{
    private const int Limit = 1024;
    private readonly Stack<OutgoingPublish> _free = new();

    public OutgoingPublish Rent()
    {
        lock (_free)
            if (_free.TryPop(out var item)) return item;
        return new OutgoingPublish(this);
    }

    public void Return(OutgoingPublish item)
    {
        lock (_free)
            if (_free.Count < Limit) _free.Push(item);
    }
}
