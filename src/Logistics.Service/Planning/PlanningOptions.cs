using System.ComponentModel.DataAnnotations;

namespace Logistics.Service.Planning;

/// <summary>Planning jobs (section "Planning").</summary>
public sealed class PlanningOptions
{
    public const string Section = "Planning";

    /// <summary>Solves that run at the same time. One by default: a solve keeps a core busy for its whole
    /// time limit, and the service shares its two cores with the listener.</summary>
    [Range(1, 16)]
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>How late a stop may be served when a job asks for soft receiving windows (as `logistics plan --max-lateness`).</summary>
    [Range(1, 600)]
    public int SoftWindowMaxLatenessMinutes { get; set; } = 60;

    /// <summary>What each hour late costs with soft windows, in yuan (as `logistics plan --lateness-cost`).</summary>
    [Range(0, 100_000)]
    public decimal SoftWindowLatenessCostPerHour { get; set; } = 60m;
}
