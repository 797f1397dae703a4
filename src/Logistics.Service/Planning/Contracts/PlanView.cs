using Logistics.Data.Plans;
using Logistics.Routing.Planning;

namespace Logistics.Service.Planning.Contracts;

/// <summary>A planning job as the API shows it; <see cref="Totals"/> once it has a plan.</summary>
/// <param name="Note">What to know about the result, e.g. that a cancelled job kept its best plan so far.</param>
/// <param name="Engine">The routing engine the job uses ("ils" or "ortools").</param>
public sealed record PlanView(
    string Id,
    DateOnly Date,
    string Status,
    string? BasedOn,
    IReadOnlyList<string> LockedRouteIds,
    PlanProgress? Progress,
    string? Error,
    string? Note,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? PublishedAt,
    bool HasResult,
    PlanTotals? Totals,
    string Engine)
{
    public static PlanView From(PlanRecord r, PlanProgress? live, DateTimeOffset? publishedAt) =>
        new(r.Id, r.Date, r.Status, r.BasedOn, r.Options.LockedRouteIds, live ?? r.Progress, r.Error, r.Note, r.CreatedAt, r.StartedAt, r.FinishedAt,
            publishedAt, r.Plan is not null, r.Plan?.Totals, r.Options.Engine);
}
