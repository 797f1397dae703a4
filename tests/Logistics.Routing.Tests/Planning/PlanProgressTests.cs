using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Routing.Solver;
using Logistics.Routing.Tests.Solver;
using Logistics.Routing.TravelTimes;

namespace Logistics.Routing.Tests.Planning;

/// <summary>What a dispatcher watches while the solver runs ends on the plan it gets.</summary>
public class PlanProgressTests
{
    [Fact]
    public void The_last_progress_report_shows_the_cost_of_the_plan_returned_after_priority_stops_are_moved_earlier()
    {
        // Sixty stores of mixed tiers in one morning window: serving the tier-1 and tier-2 stores early costs a
        // little route cost after the search (the arrival polish), and the progress must not end below the plan.
        var random = new Random(7);
        var stores = Enumerable.Range(0, 60).Select(i => new Store($"S{i:00}", $"Store {i}",
            new Coordinates(22.80 + (random.NextDouble() - 0.5) * 0.12, 108.30 + (random.NextDouble() - 0.5) * 0.12),
            new Tier(1 + i % 5), [new TimeWindow(new(8, 0), new(12, 0))], TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(6))).ToArray();
        var orders = stores.Select((s, i) => new Order($"O{i:00}", s.Id, 10 + i % 7, Urgent: i % 9 == 0)).ToArray();
        var van = new VehicleType("van", 6, 150, null, new TimeWindow(new(8, 0), new(18, 0)), TimeSpan.FromHours(9), 150m, 1.2m, 36m, "DC", "DC");
        var problem = new DispatchProblem([DayFixture.Depot], stores, orders, [van], new GreatCircleTravelTimes(),
            new DispatchOptions(new DateOnly(2026, 11, 23)));
        var reports = new List<SolverProgress>();

        var (plan, _) = PlanRunner.Solve(problem, new SolverOptions { TimeLimit = TimeSpan.FromSeconds(30), MaxIterations = 300 },
            new SynchronousProgress<SolverProgress>(reports.Add), CancellationToken.None);

        var last = reports[^1];
        Assert.NotNull(last.BestRouteCost);
        // The plan sums its routes' costs rounded to the fen: equal up to half a fen per route.
        Assert.InRange(CostUnits.ToYuan(last.BestRouteCost!.Value), plan.Totals.Cost - 0.005m * plan.Routes.Count,
            plan.Totals.Cost + 0.005m * plan.Routes.Count);
        Assert.Equal(plan.Routes.Count, last.BestRoutes);
    }
}
