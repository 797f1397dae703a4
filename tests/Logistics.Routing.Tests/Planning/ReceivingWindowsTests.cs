using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Routing.Solver;
using Logistics.Routing.TravelTimes;

namespace Logistics.Routing.Tests.Planning;

/// <summary>Stores with several receiving windows (e.g. closed at lunch) are served in one of them.</summary>
public class ReceivingWindowsTests
{
    private static Store Store(string id, double east, params (int From, int To)[] windows) =>
        new(id, $"Store {id}", new Coordinates(22.80, 108.30 + east), new Tier(3),
            windows.Select(w => new TimeWindow(new TimeOnly(w.From, 0), new TimeOnly(w.To, 0))).ToArray(),
            TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(6));

    private static readonly VehicleType Van = new("van", 1, 100, null, new TimeWindow(new(8, 0), new(18, 0)),
        TimeSpan.FromHours(10), 150m, 1.2m, 36m, "DC", "DC");

    [Fact]
    public void Each_window_of_a_store_becomes_an_alternative_of_one_group()
    {
        var problem = new DispatchProblem([DayFixture.Depot], [Store("S", 0.01, (8, 10), (14, 17)), Store("T", 0.02, (8, 17))],
            [new Order("O-S", "S", 10), new Order("O-T", "T", 10)], [Van], new GreatCircleTravelTimes(),
            new DispatchOptions(new DateOnly(2026, 11, 23)));

        var mapped = ProblemMapper.Map(problem);

        Assert.Equal(3, mapped.Data.NumClients);
        var group = Assert.Single(mapped.Data.Groups);
        Assert.Equal([0, 1], group.Clients);
        Assert.Equal([0, 0, 1], mapped.StopOfClient);
        Assert.Equal(8 * 3600, mapped.Data.Clients[0].WindowStart);
        Assert.Equal(14 * 3600, mapped.Data.Clients[1].WindowStart);
    }

    [Fact]
    public void A_store_whose_morning_window_cannot_be_reached_is_served_after_lunch()
    {
        // The van leaves at 08:00; the store 30 km away (about 1.5 h at 25 km/h) closes at 09:00
        // for the morning, so only its 14:00-17:00 window can take the delivery.
        var problem = new DispatchProblem([DayFixture.Depot], [Store("FAR", 0.2, (8, 9), (14, 17))],
            [new Order("O-FAR", "FAR", 10)], [Van], new GreatCircleTravelTimes(), new DispatchOptions(new DateOnly(2026, 11, 23)));

        var (plan, result) = PlanRunner.Solve(problem, new SolverOptions { TimeLimit = TimeSpan.FromSeconds(30), MaxIterations = 100 });

        Assert.True(result.IsFeasible);
        Assert.Empty(plan.Unassigned);
        var stop = Assert.Single(Assert.Single(plan.Routes).Stops);
        Assert.Equal("FAR", stop.StoreId);
        Assert.InRange(stop.ServiceStart, new TimeOnly(14, 0), new TimeOnly(17, 0));
    }

    [Fact]
    public void A_store_no_window_of_which_can_be_reached_is_reported_once_with_its_reason()
    {
        var problem = new DispatchProblem([DayFixture.Depot], [Store("FAR", 0.5, (8, 9), (9, 10))],
            [new Order("O-FAR", "FAR", 10)], [Van], new GreatCircleTravelTimes(), new DispatchOptions(new DateOnly(2026, 11, 23)));

        var (plan, _) = PlanRunner.Solve(problem, new SolverOptions { TimeLimit = TimeSpan.FromSeconds(30), MaxIterations = 50 });

        var left = Assert.Single(plan.Unassigned);
        Assert.Equal("O-FAR", left.OrderId);
        Assert.Equal(UnassignedReason.TimeWindow, left.Reason);
    }
}
