using Logistics.Data.Plans;
using Logistics.Service.Jobs;

namespace Logistics.Service.Planning;

/// <summary>Planning jobs waiting and running (<see cref="JobQueue{TProgress}"/>). Thread-safe.</summary>
public sealed class PlanJobQueue : JobQueue<PlanProgress>;
