using System.Text;

namespace Logistics.Telemetry.Listener.Partitions;

/// <summary>Which partition of the fleet a truck belongs to: FNV-1a (32 bits) of its id's UTF-8 bytes, modulo the
/// number of partitions. Stable across processes, machines and releases (unlike <see cref="string.GetHashCode()"/>), so
/// every instance agrees on it without asking the others.</summary>
public static class TruckPartitions
{
    public static int Of(string truck, int count)
    {
        ArgumentNullException.ThrowIfNull(truck);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (count == 1) return 0;
        var hash = 2166136261u;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(truck) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(truck, buffer)] : Encoding.UTF8.GetBytes(truck);
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return (int)(hash % (uint)count);
    }
}
