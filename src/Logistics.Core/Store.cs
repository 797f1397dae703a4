namespace Logistics.Core;

/// <summary>A licensed retail store that receives deliveries.</summary>
/// <param name="ReceivingWindows">When the store accepts deliveries; at least one.</param>
/// <param name="ServiceFixed">Time at the store whatever the order (parking, paperwork).</param>
/// <param name="ServicePerCarton">Extra time per carton unloaded and checked.</param>
public sealed record Store(
    string Id,
    string Name,
    Coordinates Location,
    Tier Tier,
    IReadOnlyList<TimeWindow> ReceivingWindows,
    TimeSpan ServiceFixed,
    TimeSpan ServicePerCarton)
{
    public string Id { get; } = Guard.NotBlank(Id, nameof(Id));
    public IReadOnlyList<TimeWindow> ReceivingWindows { get; } = ReceivingWindows.Count > 0
        ? ReceivingWindows.ToArray()
        : throw new ArgumentException("a store needs at least one receiving window", nameof(ReceivingWindows));
    public TimeSpan ServiceFixed { get; } = Guard.NotNegative(ServiceFixed, nameof(ServiceFixed));
    public TimeSpan ServicePerCarton { get; } = Guard.NotNegative(ServicePerCarton, nameof(ServicePerCarton));

    /// <summary>Time spent unloading <paramref name="cartons"/> cartons in one visit.</summary>
    public TimeSpan ServiceTime(int cartons) => ServiceFixed + ServicePerCarton * cartons;
}
