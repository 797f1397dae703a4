namespace Logistics.Simulators.Fleet.Generation;

/// <summary>One message to publish on <see cref="Topic"/>: the sample behind it and the bytes sent
/// (which break the contract when <see cref="Malformed"/> is set).</summary>
public sealed record GeneratedMessage(string Topic, TelemetrySample Sample, MalformedKind? Malformed, byte[] Payload)
{
    /// <summary>Readings a listener can store from it: none from a malformed message.</summary>
    public int Readings => Malformed is null ? Sample.Readings.Count : 0;
}
