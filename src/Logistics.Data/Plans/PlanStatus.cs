namespace Logistics.Data.Plans;

/// <summary>Where a planning job is. Queued → running → succeeded | failed | cancelled; a queued job can
/// be cancelled before it runs.</summary>
public static class PlanStatus
{
    public const string Queued = "queued", Running = "running", Succeeded = "succeeded", Failed = "failed", Cancelled = "cancelled";
}
