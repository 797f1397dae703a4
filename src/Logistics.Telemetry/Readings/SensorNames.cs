using System.Text;

namespace Logistics.Telemetry.Readings;

/// <summary>The sensor names the parser has seen (a fleet has a handful: front, rear, ...), found by their UTF-8 bytes
/// in a payload, so a reading's sensor costs no new string. Holds at most <see cref="Capacity"/> names; later ones are
/// read as strings every time. Thread-safe (readers take a snapshot; adding copies).</summary>
internal sealed class SensorNames
{
    public const int Capacity = 64;

    private readonly Lock _gate = new();
    private (string Name, byte[] Utf8)[] _names = [];

    /// <summary>The known name whose UTF-8 bytes are <paramref name="utf8"/>; null when none (or when empty).</summary>
    public string? Find(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return null;
        foreach (var (name, bytes) in Volatile.Read(ref _names))
            if (utf8.SequenceEqual(bytes)) return name;
        return null;
    }

    public void Add(string name)
    {
        lock (_gate)
        {
            if (_names.Length >= Capacity || Array.Exists(_names, n => n.Name == name)) return;
            Volatile.Write(ref _names, [.. _names, (name, Encoding.UTF8.GetBytes(name))]);
        }
    }
}
