namespace Logistics.Mqtt.Internal;

/// <summary>The client's packet identifiers in use (outgoing QoS 1/2 publishes, SUBSCRIBE and
/// UNSUBSCRIBE awaiting their answer) and what each belongs to. Sized by what is in flight, not by
/// the 65,535 possible identifiers: an identifier lives in slot <c>id &amp; (capacity - 1)</c>, and
/// <see cref="Allocate"/> hands out only identifiers whose slot is free, so lookups are one array
/// access and no two identifiers in use ever share a slot. The table doubles when three quarters
/// full (which keeps the search for a free identifier short); doubling cannot make two identifiers
/// collide, as ids in different slots differ in the low bits the new mask still covers. At 65,536
/// slots it is the plain identifier-indexed array. Not thread-safe: guarded by the client's lock.</summary>
internal sealed class PacketIdTable
{
    private const int MaximumCapacity = ushort.MaxValue + 1;

    private struct Slot
    {
        public object? Owner;
        public ushort Id;
    }

    private Slot[] _slots;
    private int _count;
    private ushort _next = 1;

    /// <param name="initialCapacity">Rounded up to a power of two, at least 4.</param>
    public PacketIdTable(int initialCapacity = 8) =>
        _slots = new Slot[(int)Math.Min(MaximumCapacity, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, initialCapacity)))];

    public int Count => _count;
    public int Capacity => _slots.Length;

    /// <summary>The owner of <paramref name="id"/>, null when the id is not in use.</summary>
    public object? this[ushort id]
    {
        get
        {
            ref var slot = ref _slots[id & (_slots.Length - 1)];
            return slot.Id == id ? slot.Owner : null;
        }
    }

    /// <summary>The next free identifier after the last one handed out, 65,535 wrapping to 1.</summary>
    /// <exception cref="InvalidOperationException">All 65,535 identifiers are in use.</exception>
    public ushort Allocate(object owner)
    {
        if (_count == ushort.MaxValue) throw new InvalidOperationException("All 65,535 packet identifiers are in use.");
        if (_slots.Length < MaximumCapacity && _count >= _slots.Length - (_slots.Length >> 2)) Grow();
        var mask = _slots.Length - 1;
        // Consecutive ids meet every slot within capacity + 1 steps (the wrap skips id 0), and one is free.
        while (true)
        {
            var id = _next;
            _next = id == ushort.MaxValue ? (ushort)1 : (ushort)(id + 1);
            ref var slot = ref _slots[id & mask];
            if (slot.Owner is null)
            {
                slot.Owner = owner;
                slot.Id = id;
                _count++;
                return id;
            }
        }
    }

    /// <summary>Frees <paramref name="id"/> if <paramref name="owner"/> holds it.</summary>
    /// <returns>False when the id is free or belongs to something else.</returns>
    public bool Remove(ushort id, object owner)
    {
        ref var slot = ref _slots[id & (_slots.Length - 1)];
        if (slot.Id != id || !ReferenceEquals(slot.Owner, owner)) return false;
        slot = default;
        _count--;
        return true;
    }

    /// <summary>Frees every identifier whose owner is a <typeparamref name="T"/> that
    /// <paramref name="match"/> accepts, and adds those owners to <paramref name="removed"/>.</summary>
    public void RemoveAll<T>(Func<T, bool> match, List<T> removed) where T : class
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Owner is not T owner || !match(owner)) continue;
            _slots[i] = default;
            _count--;
            removed.Add(owner);
        }
    }

    private void Grow()
    {
        var bigger = new Slot[_slots.Length * 2];
        var mask = bigger.Length - 1;
        foreach (var slot in _slots)
            if (slot.Owner is not null) bigger[slot.Id & mask] = slot;
        _slots = bigger;
    }
}
