using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>How often the penalty weights adapt, and what the profile says about repairs.</summary>
public class PenaltyAndRepairTests
{
    [Theory]
    [InlineData(10, 50)]
    [InlineData(100, 50)]
    [InlineData(200, 25)]
    [InlineData(400, 12)]
    [InlineData(500, 10)]
    [InlineData(1000, 10)]
    [InlineData(3000, 10)]
    public void Penalties_adapt_in_fewer_candidates_on_larger_instances(int clients, int candidates) =>
        Assert.Equal(candidates, IteratedLocalSearch.PenaltyUpdateInterval(new SearchParameters(), clients));

    [Fact]
    public void A_fixed_interval_is_kept_when_the_minimum_is_the_interval() =>
        Assert.Equal(50, IteratedLocalSearch.PenaltyUpdateInterval(new SearchParameters { MinPenaltyUpdateInterval = 50 }, 1000));

    [Fact]
    public void The_profile_counts_repairs_and_the_moves_they_priced()
    {
        // Windows and capacities: some local optima break one, so candidates get repaired.
        var data = TinyInstances.Random(21, clients: 80, vehicles: 15, capacity: 50, windows: true, horizon: 2000);
        var result = RoutingSolver.Solve(data, new SolverOptions { TimeLimit = TimeSpan.FromSeconds(60), Seed = 1, MaxIterations = 300 });

        Assert.True(result.IsFeasible);
        Assert.Equal(result.Cost, TinyInstances.CheckedCost(data, result.Solution));
        var profile = result.Profile!;
        Assert.True(profile.Repairs > 0, "no candidate was repaired");
        Assert.InRange(profile.RepairsFeasible, 0, profile.Repairs);
        Assert.InRange(profile.RepairMoveEvaluations, 1, profile.MoveEvaluations - 1);
    }
}
