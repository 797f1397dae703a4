using Logistics.Routing.Planning;

namespace Logistics.Data.Plans;

/// <summary>A planning job and, once it has one, its plan.</summary>
/// <param name="Status">One of <see cref="PlanStatus"/>.</param>
/// <param name="BasedOn">The plan a re-optimisation started from.</param>
/// <param name="Note">What a user should know about a result, e.g. that a cancelled job kept its best plan so far.</param>
/// <param name="Plan">Null until the job ends with a plan.</param>
public sealed record PlanRecord(
    string Id,
    DateOnly Date,
    string Status,
    string? BasedOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    PlanJobOptions Options,
    PlanProgress? Progress,
    string? Error,
    string? Note,
    Plan? Plan);
