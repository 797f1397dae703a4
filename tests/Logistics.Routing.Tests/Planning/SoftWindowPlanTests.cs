using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Routing.Solver;
using Logistics.Routing.TravelTimes;

namespace Logistics.Routing.Tests.Planning;

/// <summary>Soft receiving windows in a dispatcher's plan.</summary>
public class SoftWindowPlanTests
{
    // About 27 km of road from the depot: the van leaving at 08:00 arrives after 09:00.
    private static readonly Store Far = new("FAR", "Far store", new Coordinates(22.80, 108.50), new Tier(2),
        [new TimeWindow(new(8, 0), new(9, 0))], TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(6));

    private static readonly VehicleType Van = new("van", 1, 100, null, new TimeWindow(new(8, 0), new(18, 0)),
        TimeSpan.FromHours(10), 150m, 1.2m, 36m, "DC", "DC");

    private static Plan PlanWith(SoftWindowPolicy? soft) =>
        PlanRunner.Solve(new DispatchProblem([DayFixture.Depot], [Far], [new Order("O-FAR", "FAR", 10)], [Van], new GreatCircleTravelTimes(),
            new DispatchOptions(new DateOnly(2026, 11, 23)) { SoftWindows = soft }),
            new SolverOptions { TimeLimit = TimeSpan.FromSeconds(30), MaxIterations = 50 }).Plan;

    [Fact]
    public void With_hard_windows_a_store_that_cannot_be_reached_in_time_is_left_out()
    {
        var plan = PlanWith(null);
        Assert.Equal(UnassignedReason.TimeWindow, Assert.Single(plan.Unassigned).Reason);
    }

    [Fact]
    public void With_soft_windows_it_is_served_late_and_the_plan_says_how_late()
    {
        var plan = PlanWith(new SoftWindowPolicy(TimeSpan.FromMinutes(60), 60m));

        Assert.Empty(plan.Unassigned);
        var stop = Assert.Single(Assert.Single(plan.Routes).Stops);
        // Unloading (5 min + 10 x 6 s = 6 min) should end by 09:00, so service is due by 08:54.
        var due = new TimeOnly(8, 54);
        Assert.True(stop.ServiceStart > due);
        Assert.Equal((stop.ServiceStart - due).TotalMinutes, stop.LateMinutes, precision: 6);
        Assert.InRange(stop.LateMinutes, 0.1, 60);
    }

    [Fact]
    public void Lateness_beyond_the_allowed_maximum_still_leaves_the_store_out()
    {
        var plan = PlanWith(new SoftWindowPolicy(TimeSpan.FromMinutes(5), 60m));
        Assert.Single(plan.Unassigned);
    }
}
