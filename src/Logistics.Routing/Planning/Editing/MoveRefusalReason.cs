namespace Logistics.Routing.Planning.Editing;

/// <summary>Which limit of the target route a store cannot be moved onto it without breaking.</summary>
public enum MoveRefusalReason
{
    /// <summary>The route's vehicle cannot carry the added cartons (or kilograms).</summary>
    Capacity,
    /// <summary>Every position makes the moved store or another stop miss its receiving window.</summary>
    ReceivingWindow,
    /// <summary>Every position that keeps the windows brings the vehicle back after its shift, after the
    /// depot closes, or beyond its longest route.</summary>
    Shift,
}
