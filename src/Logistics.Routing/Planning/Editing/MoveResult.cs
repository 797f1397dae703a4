namespace Logistics.Routing.Planning.Editing;

/// <summary>The plan after a move, or why the move was refused (exactly one of the two is set).</summary>
public sealed record MoveResult(Plan? Plan, MoveRefusal? Refusal)
{
    public static MoveResult Moved(Plan plan) => new(plan, null);

    public static MoveResult Refused(MoveRefusalReason reason, string message) => new(null, new MoveRefusal(reason, message));
}
