namespace Logistics.Simulators.Fleet.Generation;

/// <summary>One scripted fault of one truck. Times are simulated, counted from the simulation's start.</summary>
/// <param name="Duration">How long it lasts; null means until the end of the run, except for
/// <see cref="FaultKind.Malformed"/>, where null means the next <see cref="DefaultMalformedCount"/> messages.</param>
/// <param name="ClockOffset">For <see cref="FaultKind.ClockSkew"/>: how far the device clock is ahead (negative: behind).</param>
/// <param name="Text">As written on the command line, for messages.</param>
public sealed record Fault(FaultKind Kind, string Truck, TimeSpan Start, TimeSpan? Duration, TimeSpan ClockOffset, string Text)
{
    /// <summary>One message of each malformed kind.</summary>
    public const int DefaultMalformedCount = 4;

    /// <summary>Whether the fault is in effect at <paramref name="elapsed"/> simulated time after the start
    /// (for a count-limited malformed fault: whether it has begun).</summary>
    public bool IsActive(TimeSpan elapsed) =>
        elapsed >= Start && (Duration is not { } d || elapsed < Start + d);
}
