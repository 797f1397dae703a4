using Logistics.Routing.Instances;
using Logistics.Routing.Solver;
using Logistics.Routing.Tests.Instances;

namespace Logistics.Routing.Tests.Solver;

/// <summary>Seeded regression: a fixed seed and iteration budget on a Solomon instance must give
/// exactly the cost recorded here. A change of this number means the search changed; if the change
/// is intended, re-measure the benchmarks (README, "Performance") and update it.</summary>
public class GoldenCostTests
{
    [Fact]
    public void RC105_with_seed_1_and_100_iterations_costs_what_it_did_when_recorded()
    {
        var instance = BenchmarkInstance.Load(BenchmarkData.Solomon("RC105.txt"));
        var result = RoutingSolver.Solve(instance.Problem, new SolverOptions
        {
            TimeLimit = TimeSpan.FromMinutes(5), Seed = 1, MaxIterations = 100,
        });

        Assert.True(result.IsFeasible);
        var check = BenchmarkSolutionChecker.Check(instance, result.Solution.Routes
            .Select(r => (IReadOnlyList<int>)r.Clients.Select(c => instance.CustomerNumbers[c]).ToList()));
        Assert.Empty(check.Violations);
        Assert.Equal(GoldenCost, result.Cost);
        Assert.Equal(GoldenCost / 10.0, check.Distance, precision: 6);
    }

    private const long GoldenCost = 15_279;
}
