namespace Logistics.Routing.Planning.Editing;

/// <summary>An edit that names something the plan does not have (an unknown store or route, a store
/// already on the route); <see cref="Field"/> is the request field at fault.</summary>
public sealed class PlanEditException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
