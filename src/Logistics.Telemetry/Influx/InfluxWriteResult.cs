namespace Logistics.Telemetry.Influx;

/// <summary>The outcome of a write that stores every line InfluxDB accepts: how many were stored and
/// which were refused, in batch order.</summary>
public sealed record InfluxWriteResult(int Stored, IReadOnlyList<RefusedLine> Refused)
{
    public bool AllStored => Refused.Count == 0;
}
