namespace Logistics.Routing.Planning.Editing;

/// <summary>Why a store cannot go on a route, in words a dispatcher can act on.</summary>
public sealed record MoveRefusal(MoveRefusalReason Reason, string Message);
