using Logistics.Routing.Model;
using Logistics.Routing.Solver;
using Logistics.Routing.Solver.Operators;

namespace Logistics.Routing.Tests.Solver.Operators;

/// <summary>SWAP*: finds exchanges the client-pair operators cannot, prices every move it proposes
/// exactly, keeps time windows feasible and is deterministic.</summary>
public class SwapStarTests
{
    private static readonly MoveOperator[] ClientPairOperators = MoveOperator.ClientPairs();

    /// <summary>Two full vans (3 of 3 cartons each) around a depot at (50, 50), their sectors
    /// overlapping: the last client of the first route, at (54, 37), belongs at the start of the
    /// second, and the last of the second, at (95, 94), at the start of the first; no van can take
    /// a fourth carton, and no exchange in place pays.</summary>
    private static SearchFixture Stuck()
    {
        (int X, int Y)[] at = [(50, 50), (55, 67), (12, 64), (54, 37), (43, 3), (93, 13), (95, 94)];
        var m = Matrix.Build(at.Length, (i, j) => (long)Math.Round(Math.Sqrt(Math.Pow(at[i].X - at[j].X, 2) + Math.Pow(at[i].Y - at[j].Y, 2))));
        var clients = Enumerable.Range(1, 6).Select(c => new Client($"c{c}", at[c].X, at[c].Y, [1])).ToList();
        var problem = new ProblemData([new Depot("d", at[0].X, at[0].Y)], clients, [new VehicleType("van", 2, [3])], m, m);
        return new SearchFixture(problem, loadPenalty: 1e6).WithRoutes([0, 1, 2], [3, 4, 5]);
    }

    [Fact]
    public void Finds_the_improving_exchange_where_no_client_pair_operator_improves()
    {
        var f = Stuck();
        var routes = f.Solution.Routes.Take(2).ToArray();
        var move = new Move();
        foreach (var ru in routes)
            foreach (var rv in routes)
                for (var i = 1; i <= ru.Count; i++)
                    for (var j = 0; j <= rv.Count; j++)
                        foreach (var op in ClientPairOperators)
                            if ((j > 0 || op.AcceptsDepotAsV) && op.Build(ru, i, rv, j, move))
                                Assert.True(f.Delta(move) >= 0, $"{op.GetType().Name} improves ({i}, {j})");

        var swapStar = new SwapStar(f.Data, f.Costs);
        Assert.True(swapStar.Prepare(routes[0], routes[1]) > 0);
        swapStar.Build(0, move);

        Assert.Equal(-16, f.Delta(move), precision: 9);
        var (a, b) = f.Materialise(move);
        Assert.Equal([6, 1, 2], a); // locations: client k is location k here (one depot)
        Assert.Equal([3, 4, 5], b);
    }

    [Fact]
    public void The_local_search_leaves_that_optimum_only_with_SWAP_star()
    {
        double Saving(bool swapStar)
        {
            var f = Stuck();
            var before = f.Solution.PenalisedCost(f.Costs);
            var search = new LocalSearch(f.Data, f.Costs, f.Builder, new Insertion(f.Data, f.Builder, f.Costs), new Rng(1), swapStar);
            search.Run(f.Solution, full: true, () => false);
            Assert.True(f.Solution.IsFeasible(f.Costs));
            return before.Minus(f.Solution.PenalisedCost(f.Costs));
        }

        Assert.Equal(0, Saving(swapStar: false));
        Assert.True(Saving(swapStar: true) >= 16);
    }

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(2, true, false)]
    [InlineData(3, true, true)]
    [InlineData(4, false, false)]
    [InlineData(5, true, false)]
    [InlineData(6, true, true)]
    public void Every_proposed_move_is_priced_at_the_cost_difference_of_the_routes_it_makes(int seed, bool windows, bool softWindows)
    {
        var rng = new Random(seed);
        var problem = RandomProblem(rng, clients: 40, windows, softWindows);
        var f = new SearchFixture(problem, loadPenalty: 50, timeWarpPenalty: 3);
        var swapStar = new SwapStar(f.Data, f.Costs);
        var move = new Move();
        var checkedMoves = 0;
        for (var round = 0; round < 20; round++)
        {
            // A random solution on three vans and a truck: long routes, overloaded and late.
            var order = Enumerable.Range(0, problem.NumClients).OrderBy(_ => rng.Next()).ToArray();
            var cuts = new[] { 0, rng.Next(3, 12), rng.Next(14, 22), rng.Next(24, 34), problem.NumClients };
            var parts = Enumerable.Range(0, 4).Select(r => order[cuts[r]..cuts[r + 1]]).ToArray();
            f.WithRoutes(parts[0], parts[1], parts[2]).WithRoute(4, parts[3]);
            var routes = f.Solution.Routes;
            var ra = routes[rng.Next(3)];
            var rb = rng.Next(2) == 0 ? routes[4] : routes[(ra.Index + 1) % 3];

            var candidates = swapStar.Prepare(ra, rb);
            for (var k = 0; k < candidates; k++)
            {
                swapStar.Build(k, move);
                var (a, b) = f.Materialise(move);
                var real = f.CostFromScratch(ra.Type, a) - ra.Cost + f.CostFromScratch(rb.Type, b) - rb.Cost;
                Assert.Equal(real, f.Delta(move), precision: 6);

                // An exchange of exactly one client each way.
                var gone = ra.Clients.ToArray().Except(a).Single();
                var came = a.Except(ra.Clients.ToArray()).Single();
                Assert.Equal(rb.Clients.ToArray().Except([came]).Append(gone).Order(), b.Order());
                // Without windows or duration prices, the preselection (load penalties included) is exact.
                if (!windows) Assert.Equal(real, swapStar.Estimate(k), precision: 6);
                checkedMoves++;
            }
        }
        Assert.True(checkedMoves > 20, $"only {checkedMoves} moves proposed");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(15)]
    public void Applying_its_improving_moves_keeps_a_time_window_solution_feasible(int seed)
    {
        var problem = TinyInstances.Random(seed, clients: 40, vehicles: 20, capacity: 40, windows: true);
        var f = new SearchFixture(problem, loadPenalty: 1e6, timeWarpPenalty: 1e6).WithRoutes(FeasibleRandomRoutes(problem, seed));
        var solution = f.Solution;
        var checkedCost = TinyInstances.CheckedCost(problem, solution.ToSolution());
        Assert.NotNull(checkedCost);
        var swapStar = new SwapStar(f.Data, f.Costs);
        var move = new Move();
        var applied = 0;
        for (var improved = true; improved;)
        {
            improved = false;
            foreach (var ra in solution.Routes)
                foreach (var rb in solution.Routes)
                {
                    if (ra.Index >= rb.Index || ra.IsEmpty || rb.IsEmpty) continue;
                    var (best, bestDelta) = (-1, -1e-6);
                    for (var k = swapStar.Prepare(ra, rb) - 1; k >= 0; k--)
                    {
                        swapStar.Build(k, move);
                        if (f.Delta(move) is var d && d < bestDelta) (best, bestDelta) = (k, d);
                    }
                    if (best < 0) continue;
                    swapStar.Build(best, move);
                    var (a, b) = f.Materialise(move);
                    ra.SetClients(a);
                    rb.SetClients(b);
                    solution.Refresh(ra, f.Costs);
                    solution.Refresh(rb, f.Costs);

                    var after = TinyInstances.CheckedCost(problem, solution.ToSolution());
                    Assert.NotNull(after); // still feasible, checked by RouteSchedule
                    Assert.Equal((double)checkedCost.Value + bestDelta, (double)after.Value, precision: 6);
                    checkedCost = after;
                    applied++;
                    improved = true;
                }
        }
        Assert.True(applied > 0);
    }

    [Fact]
    public void A_seeded_search_with_SWAP_star_gives_the_same_routes_every_time()
    {
        var problem = TinyInstances.Random(21, clients: 60, vehicles: 10, capacity: 40, windows: true);
        var options = new SolverOptions { TimeLimit = TimeSpan.FromMinutes(2), Seed = 5, MaxIterations = 200 };

        var first = RoutingSolver.Solve(problem, options, new SearchParameters { SwapStar = true });
        var second = RoutingSolver.Solve(problem, options, new SearchParameters { SwapStar = true });

        Assert.True(first.IsFeasible);
        Assert.Equal(TinyInstances.CheckedCost(problem, first.Solution), first.Cost);
        Assert.Equal(first.Cost, second.Cost);
        Assert.Equal(first.Solution.Routes.Select(r => r.Clients), second.Solution.Routes.Select(r => r.Clients));
    }

    [Fact]
    public void SWAP_star_is_on_by_default_only_from_500_clients_where_no_time_limit_binds()
    {
        bool Uses(ProblemData problem, SearchParameters? parameters = null)
        {
            parameters ??= new SearchParameters();
            return parameters.UsesSwapStar(new SearchData(problem, parameters));
        }
        var capacityOnly = TinyInstances.Random(3, clients: 500, vehicles: 60, capacity: 40, windows: false);
        var withWindows = TinyInstances.Random(3, clients: 500, vehicles: 60, capacity: 40, windows: true);
        var withSoftWindows = TinyInstances.Random(3, clients: 500, vehicles: 60, capacity: 40, windows: true, softWindows: true);
        var durationLimited = new ProblemData(capacityOnly.Depots, capacityOnly.Clients,
            [capacityOnly.VehicleTypes[0] with { MaxDuration = 400 }], capacityOnly.Distance, capacityOnly.Duration);
        var van = capacityOnly.VehicleTypes[0];
        var twoShifts = new ProblemData(capacityOnly.Depots, capacityOnly.Clients,
            [van with { Count = 30, ShiftEnd = 500 }, van with { Id = "late van", Count = 30, ShiftStart = 500 }],
            capacityOnly.Distance, capacityOnly.Duration);

        Assert.True(Uses(capacityOnly));
        Assert.False(Uses(TinyInstances.Random(3, clients: 499, vehicles: 60, capacity: 40, windows: false)));
        Assert.False(Uses(withWindows));
        Assert.False(Uses(withSoftWindows));
        Assert.False(Uses(durationLimited));
        Assert.False(Uses(twoShifts));
        Assert.True(Uses(withWindows, new SearchParameters { SwapStar = true })); // --swap-star: everywhere
        Assert.False(Uses(capacityOnly, new SearchParameters { SwapStarMinClients = int.MaxValue }));
    }

    /// <summary>Clients by opening time, each appended to a random route that stays feasible with it:
    /// feasible, and far from a local optimum.</summary>
    private static int[][] FeasibleRandomRoutes(ProblemData problem, int seed)
    {
        var rng = new Random(seed);
        var routes = Enumerable.Range(0, problem.VehicleTypes[0].Count).Select(_ => new List<int>()).ToArray();
        foreach (var c in Enumerable.Range(0, problem.NumClients).OrderBy(c => problem.Clients[c].WindowStart))
        {
            var placed = false;
            foreach (var route in routes.OrderBy(_ => rng.Next()))
            {
                route.Add(c);
                if (RouteSchedule.Compute(problem, new SolutionRoute(0, [.. route])).IsFeasible) { placed = true; break; }
                route.RemoveAt(route.Count - 1);
            }
            Assert.True(placed, $"client {c} fits nowhere");
        }
        return routes.Select(r => r.ToArray()).ToArray();
    }

    /// <summary>Two capacity dimensions and two vehicle types with different prices, optionally
    /// with windows (hard or soft).</summary>
    private static ProblemData RandomProblem(Random rng, int clients, bool windows, bool softWindows)
    {
        var points = Enumerable.Range(0, clients + 1).Select(_ => (X: rng.Next(100), Y: rng.Next(100))).ToArray();
        var m = Matrix.Build(points.Length, (i, j) =>
            (long)Math.Round(Math.Sqrt(Math.Pow(points[i].X - points[j].X, 2) + Math.Pow(points[i].Y - points[j].Y, 2))));
        var list = new List<Client>();
        for (var c = 1; c <= clients; c++)
        {
            long[] demand = [rng.Next(1, 10), rng.Next(0, 30)];
            long start = windows ? rng.Next(0, 400) : 0;
            long end = windows ? start + rng.Next(60, 300) : 10_000;
            list.Add(softWindows
                ? new Client($"c{c}", points[c].X, points[c].Y, demand, ServiceDuration: rng.Next(0, 15), WindowStart: start,
                    WindowEnd: end + 150, SoftWindowEnd: end, LatenessWeight: rng.Next(1, 6))
                : new Client($"c{c}", points[c].X, points[c].Y, demand, ServiceDuration: rng.Next(0, 15), WindowStart: start, WindowEnd: end));
        }
        return new ProblemData([new Depot("depot", points[0].X, points[0].Y)], list,
        [
            new VehicleType("van", 4, [100, 400], UnitDistanceCost: 1, UnitDurationCost: windows ? 1 : 0),
            new VehicleType("truck", 2, [100, 300], FixedCost: 50, UnitDistanceCost: 2),
        ], m, m);
    }
}
