namespace Logistics.Simulators.Fleet.Publishing;

/// <summary>How the fleet reaches the broker and when it stops.</summary>
/// <param name="Passwords">Truck id → MQTT password (<see cref="DevicesFile"/>).</param>
/// <param name="TimeScale">Simulated seconds per wall-clock second.</param>
/// <param name="Duration">Simulated time to run; null: until cancelled or <paramref name="MaximumMessages"/>.</param>
/// <param name="MaximumMessages">Stop after publishing this many telemetry messages in total.</param>
/// <param name="DrainTimeout">At the end, how long to wait for the broker's outstanding acknowledgements.</param>
public sealed record PublishSettings(
    string Host,
    int Port,
    IReadOnlyDictionary<string, string> Passwords,
    double TimeScale = 1,
    TimeSpan? Duration = null,
    long? MaximumMessages = null,
    TimeSpan? DrainTimeout = null,
    TimeSpan? ProgressEvery = null)
{
    /// <summary>Set when the simulation runs on the wall clock (no --start, no plan, time scale 1): the
    /// scenario's start is this wall-clock instant, so the schedule and the devices' timestamps follow the
    /// real clock, whatever connecting the fleet took. Null: simulated time starts when the fleet is connected.</summary>
    public DateTimeOffset? WallClockStart { get; init; }

    /// <summary>Connection attempts at once: 10,000 trucks connect in a few seconds without a SYN flood.</summary>
    public int ConnectConcurrency { get; init; } = 64;
}
