namespace Logistics.Simulators.Fleet.Publishing;

/// <summary>What one truck got acknowledged by the broker (PUBACK), updated from any thread.</summary>
public sealed class TruckCounts(string truck)
{
    private long _messages, _readings, _malformed, _unacknowledged;

    public string Truck { get; } = truck;
    /// <summary>Telemetry messages the broker acknowledged, malformed ones included.</summary>
    public long Messages => Interlocked.Read(ref _messages);
    /// <summary>Sensor readings in the acknowledged well-formed messages.</summary>
    public long Readings => Interlocked.Read(ref _readings);
    /// <summary>Acknowledged messages that break the contract on purpose.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);
    /// <summary>Published but never acknowledged (connection lost, or the run ended first).</summary>
    public long Unacknowledged => Interlocked.Read(ref _unacknowledged);

    public void Acknowledged(int readings, bool malformed)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _readings, readings);
        if (malformed) Interlocked.Increment(ref _malformed);
    }

    public void Lost() => Interlocked.Increment(ref _unacknowledged);
}
