namespace Logistics.Routing.Planning;

/// <summary>Settings of one planning day.</summary>
/// <param name="Date">The delivery day; times in the plan are local clock times of this date.</param>
public sealed record DispatchOptions(DateOnly Date);
