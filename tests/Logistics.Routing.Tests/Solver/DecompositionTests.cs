using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>Decomposition forced onto small instances (it is meant for large ones) with small
/// sub-problems, so that many of them are cut, searched and put back within a short budget.</summary>
public class DecompositionTests
{
    private static readonly SearchParameters Decomposing = new()
    {
        Decompose = true, DecompositionMinClients = 0, DecompositionInterval = 10, SubproblemClients = 25, SubproblemIterations = 20,
    };

    private static SolverOptions Budget(long iterations) =>
        new() { TimeLimit = TimeSpan.FromSeconds(60), Seed = 3, MaxIterations = iterations };

    [Fact]
    public void Sub_problems_are_searched_within_the_iteration_budget_and_the_plan_stays_feasible()
    {
        var data = TinyInstances.Random(21, clients: 80, vehicles: 15, capacity: 50, windows: true, horizon: 2000);
        var result = RoutingSolver.Solve(data, Budget(400), Decomposing);

        Assert.True(result.IsFeasible);
        Assert.Equal(result.Cost, TinyInstances.CheckedCost(data, result.Solution));
        Assert.Equal(400, result.Iterations);
        Assert.True(result.Profile!.SubproblemsImproved > 0, $"{result.Profile.Subproblems} sub-problems, none better");
    }

    [Fact]
    public void The_same_seed_and_iteration_limit_give_the_same_plan_with_decomposition()
    {
        var data = TinyInstances.Random(11, clients: 100, vehicles: 16, capacity: 40, windows: true, horizon: 2000);
        var first = RoutingSolver.Solve(data, Budget(300), Decomposing);
        var second = RoutingSolver.Solve(data, Budget(300), Decomposing);

        Assert.Equal(first.Cost, second.Cost);
        Assert.Equal(Describe(first.Solution), Describe(second.Solution));
    }

    [Fact]
    public void Every_rule_of_the_whole_problem_holds_in_the_sub_problems()
    {
        // Soft windows, two vehicle types with fixed costs and shifts, optional stores at two
        // priority levels, and stores with two alternative windows (one group each).
        var data = RichDay();
        var result = RoutingSolver.Solve(data, Budget(400), Decomposing);

        Assert.True(result.IsFeasible);
        Assert.Equal(result.Cost, Checked(data, result.Solution));
        Assert.True(result.Profile!.SubproblemsImproved > 0, $"{result.Profile.Subproblems} sub-problems, none better");
    }

    /// <summary>Several threads on a large instance (made small here) search one plan: each decomposition step cuts the
    /// whole plan into one part per thread and searches them at the same time.</summary>
    private static readonly SearchParameters InParallel = new()
    {
        DecompositionMinClients = 0, ParallelDecompositionMinClients = 0, ParallelDecompositionInterval = 10, ParallelSubproblemIterations = 20,
    };

    [Fact]
    public void Parts_searched_in_parallel_combine_into_one_plan_that_keeps_every_rule()
    {
        var data = RichDay();
        var result = RoutingSolver.Solve(data, Budget(400) with { Threads = 2 }, InParallel);

        Assert.True(result.IsFeasible);
        Assert.Equal(result.Cost, Checked(data, result.Solution));
        Assert.True(result.Profile!.Subproblems > 0, "no step searched parts in parallel");
        Assert.True(result.Profile.SubproblemsImproved > 0, $"{result.Profile.Subproblems} steps, none better");
        // One search: its iterations and the parts' add up to the budget, not one budget per thread.
        Assert.Equal(400, result.Iterations);
    }

    [Fact]
    public void Parts_searched_in_parallel_give_the_same_plan_for_the_same_seed_and_iteration_limit()
    {
        var data = TinyInstances.Random(11, clients: 100, vehicles: 16, capacity: 40, windows: true, horizon: 2000);
        var first = RoutingSolver.Solve(data, Budget(300) with { Threads = 2 }, InParallel);
        var second = RoutingSolver.Solve(data, Budget(300) with { Threads = 2 }, InParallel);

        Assert.True(first.IsFeasible);
        Assert.Equal(first.Cost, TinyInstances.CheckedCost(data, first.Solution));
        Assert.Equal(Describe(first.Solution), Describe(second.Solution));
    }

    internal static ProblemData RichDay()
    {
        var baseDay = TinyInstances.Random(31, clients: 90, vehicles: 1, capacity: 1, windows: true, horizon: 2000, softWindows: true);
        var clients = new List<Client>();
        var groups = new List<ClientGroup>();
        var locations = new List<int> { 0 };
        for (var c = 0; c < baseDay.NumClients; c++)
        {
            var client = baseDay.Clients[c];
            if (c % 6 == 0)
            {
                // Two receiving windows: the given one and a later one, exactly one served.
                var later = client with { Id = client.Id + "@late", WindowStart = client.WindowStart + 600, WindowEnd = client.WindowEnd + 600,
                    SoftWindowEnd = client.SoftWindowEnd + 600, Required = false, Prize = 1_000_000 };
                groups.Add(new ClientGroup([clients.Count, clients.Count + 1], Required: true));
                clients.Add(client with { Required = false, Prize = 1_000_000 });
                clients.Add(later);
                locations.Add(c + 1);
                locations.Add(c + 1);
            }
            else
            {
                clients.Add(c % 5 == 0 ? client with { Required = false, Prize = c % 2 == 0 ? 5_000 : 500 } : client);
                locations.Add(c + 1);
            }
        }
        var m = Matrix.Build(locations.Count, (i, j) => baseDay.Distance[locations[i], locations[j]]);
        var depot = baseDay.Depots[0];
        return new ProblemData([depot], clients,
            [
                new VehicleType("van", 10, [35], ShiftStart: 0, ShiftEnd: depot.CloseTime, FixedCost: 200, UnitDurationCost: 1),
                new VehicleType("truck", 5, [70], ShiftStart: 100, ShiftEnd: depot.CloseTime - 200, MaxDuration: 1500, FixedCost: 400,
                    UnitDistanceCost: 2, UnitDurationCost: 1),
            ], m, m, groups);
    }

    /// <summary>Cost by <see cref="RouteSchedule"/> plus prizes of what is left out, or null when a
    /// route breaks a rule, a client is repeated, a required one is missing or a group is served twice.</summary>
    internal static Int128? Checked(ProblemData data, Solution solution)
    {
        var served = new HashSet<int>();
        Int128 cost = 0;
        var typeUse = new int[data.VehicleTypes.Count];
        foreach (var route in solution.Routes)
        {
            if (++typeUse[route.VehicleType] > data.VehicleTypes[route.VehicleType].Count) return null;
            var schedule = RouteSchedule.Compute(data, route);
            if (!schedule.IsFeasible) return null;
            cost += schedule.Cost + schedule.LatenessCost;
            foreach (var c in route.Clients)
                if (!served.Add(c)) return null;
        }
        var grouped = new HashSet<int>();
        foreach (var g in data.Groups)
        {
            var visited = g.Clients.Count(served.Contains);
            if (visited > 1 || g.Required && visited == 0) return null;
            if (visited == 0) cost += data.Clients[g.Clients[0]].Prize;
            grouped.UnionWith(g.Clients);
        }
        for (var c = 0; c < data.NumClients; c++)
        {
            if (served.Contains(c) || grouped.Contains(c)) continue;
            if (data.Clients[c].Required) return null;
            cost += data.Clients[c].Prize;
        }
        return cost;
    }

    internal static string Describe(Solution s) =>
        string.Join(" | ", s.Routes.Select(r => $"{r.VehicleType}:{string.Join(',', r.Clients)}"));
}
