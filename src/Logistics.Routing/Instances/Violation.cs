namespace Logistics.Routing.Instances;

/// <summary>One broken rule of a benchmark solution.</summary>
/// <param name="Route">1-based route number, or null when the rule concerns the whole solution.</param>
/// <param name="Customer">Customer number as in the instance file, or null.</param>
public sealed record Violation(ViolationKind Kind, int? Route, int? Customer, string Message)
{
    public override string ToString() => Message;
}
