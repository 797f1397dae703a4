using Logistics.Data.Forecasts;
using Logistics.Data.Inputs;
using Logistics.Data.Jobs;
using Logistics.Data.Partitions;
using Logistics.Data.Plans;
using Logistics.Data.Security;

namespace Logistics.Data.Schema;

/// <summary>Every area's steps in version order. Ranges: 1–9 security, 10–29 day inputs, 30–49 plans,
/// 50–69 QA (excursions),
/// 70–89 order history and forecasts, 90–99 job claims and listener partitions shared by instances.</summary>
public static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
        new[] { ApiKeySchema.Steps, DayInputSchema.Steps, PlanSchema.Steps, ForecastSchema.Steps, JobSchema.Steps, PartitionSchema.Steps }
            .SelectMany(s => s).OrderBy(m => m.Version).ToArray();

    public static int Latest => All[^1].Version;
}
