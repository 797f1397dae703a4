namespace Logistics.Routing.Solver;

/// <summary>Every tuning knob of the search in one flat record, with the defaults we measured.</summary>
internal sealed record SearchParameters
{
    /// <summary>Neighbours per client considered by the local search (granular neighbourhood).</summary>
    public int GranularSize { get; init; } = 30;

    /// <summary>Whether the local search also runs SWAP* on route pairs whose sectors overlap,
    /// once the client-pair operators find nothing (Vidal 2022). The default, and why, is
    /// <see cref="SolverOptions.SwapStar"/>'s: one place.</summary>
    public bool SwapStar { get; init; } = SolverOptions.Default.SwapStar;

    /// <summary>From this many clients on, SWAP* also runs by default where no time limit binds (capacity-only
    /// problems, <see cref="SearchData.HasBindingTimes"/>): at 60 s on the CVRPLIB X files of 627-1,001 clients it
    /// ended 0.2-0.35 points closer to the best known than without, with a quarter to half the iterations, while on
    /// Homberger's 1,000-client files with windows it was worse (README, "Performance", issue 17).
    /// <see cref="int.MaxValue"/>: only where <see cref="SwapStar"/> says so.</summary>
    public int SwapStarMinClients { get; init; } = 500;

    /// <summary>Whether the local search runs SWAP* on <paramref name="data"/>.</summary>
    public bool UsesSwapStar(SearchData data) =>
        SwapStar || (data.NumClients >= SwapStarMinClients && !data.HasBindingTimes);

    /// <summary>Weights of waiting and of time warp in the neighbour proximity (Vidal et al. 2013).</summary>
    public double ProximityWaitWeight { get; init; } = 0.2;
    public double ProximityTimeWarpWeight { get; init; } = 1.0;

    /// <summary>Nearest clients kept per client for string removal.</summary>
    public int RuinAdjacency { get; init; } = 100;

    /// <summary>Average number of clients removed per ruin (c̄ of SISR, Christiaens and Vanden Berghe 2020).</summary>
    public double RuinAverageRemoved { get; init; } = 10;

    /// <summary>Longest string removed from one route (L^max of SISR).</summary>
    public int RuinMaxStringLength { get; init; } = 10;

    /// <summary>Probability of skipping a position during greedy reinsertion ("blinks").</summary>
    public double BlinkRate { get; init; } = 0.01;

    /// <summary>Simulated annealing temperature at the start and end of the run, as a fraction of the
    /// average cost per client of the first solution.</summary>
    public double StartTemperature { get; init; } = 0.10;
    public double EndTemperature { get; init; } = 0.002;

    /// <summary>Share of local-search results that should be feasible; penalties adapt towards it.</summary>
    public double TargetFeasible { get; init; } = 0.45;

    /// <summary>Candidates between two penalty updates, and the factors applied. The time-warp penalty
    /// is updated that often on instances of up to <see cref="PenaltyUpdateReferenceClients"/> clients
    /// and in proportionally fewer candidates on larger ones, down to <see cref="MinPenaltyUpdateInterval"/>:
    /// an iteration there costs about as many times more, and at 50 the penalty, which starts at 1 per
    /// time unit on the benchmarks, needed hundreds of iterations to reach a level where candidates
    /// could keep their windows; meanwhile the search sat among ~20 routes that broke one, which every
    /// repair fixed again. The load penalty starts high enough, and updating it as often too was worse
    /// on CVRPLIB X at equal iterations (README, "Performance", issue 17).</summary>
    public int PenaltyUpdateInterval { get; init; } = 50;
    public int PenaltyUpdateReferenceClients { get; init; } = 100;
    public int MinPenaltyUpdateInterval { get; init; } = 10;
    public double PenaltyIncrease { get; init; } = 1.3;
    public double PenaltyDecrease { get; init; } = 0.85;

    /// <summary>Factor on the penalties when an infeasible local optimum is repaired.</summary>
    public double RepairPenaltyFactor { get; init; } = 10;

    /// <summary>From this many clients on, the local search after each ruin and recreate examines only
    /// the pairs of which one client changed its place (<see cref="LocalSearch.Run"/>'s focused
    /// mode); the repair of infeasible candidates still examines every pair of a changed route.
    /// <see cref="int.MaxValue"/>: never.</summary>
    public int FocusedLocalSearchMinClients { get; init; } = 500;

    /// <summary>From <see cref="ConstructionWindowsMinClients"/> clients on, the construction weighs time warp
    /// <see cref="ConstructionTimeWarpFactor"/> times as heavily as the search starts to (<see cref="RuinRecreate.Construct"/>).
    /// At the starting weight the construction packs Homberger's 1,000 clients into routes that break windows (r2_10_1:
    /// 26 routes after the first local search and repair, where the best known plan has 37), and the search, whose
    /// recreate opens a route only when every other place costs more, then adds routes slowly (30-31 after 60 s). With
    /// time warp 100 times as dear the construction opens routes instead, and at 60 s r1_10_1, rc1_10_1 and r2_10_1
    /// ended 0.43 points closer to the best known on average, better in 11 of 12 paired runs; at 120 s 0.13 points,
    /// all of it on r2_10_1 (1.94% → 1.47%, 4 of 4), the other two level (README, issue 17).
    /// <see cref="int.MaxValue"/>: never.</summary>
    public int ConstructionWindowsMinClients { get; init; } = 500;
    public double ConstructionTimeWarpFactor { get; init; } = 100;

    /// <summary>Whether large instances are decomposed; the default, and why, is <see cref="SolverOptions.Decompose"/>'s.</summary>
    public bool Decompose { get; init; } = SolverOptions.Default.Decompose;

    /// <summary>Decomposition (<see cref="Decomposition"/>): only for instances of at least this many
    /// clients; every <see cref="DecompositionInterval"/> iterations, one sub-problem of about
    /// <see cref="SubproblemClients"/> clients (whole routes) is searched for up to
    /// <see cref="SubproblemIterations"/> iterations, which count towards the iteration budget, with at
    /// most <see cref="SubproblemSpareVehicles"/> unused vehicles of each type.</summary>
    public int DecompositionMinClients { get; init; } = 500;
    public int DecompositionInterval { get; init; } = 250;
    public int SubproblemClients { get; init; } = 150;
    public int SubproblemIterations { get; init; } = 250;
    public int SubproblemSpareVehicles { get; init; } = 2;

    /// <summary>With several threads on an instance of at least <see cref="ParallelDecompositionMinClients"/> clients,
    /// one search whose decomposition cuts the whole plan into one part per thread and searches the parts at the same
    /// time (<see cref="Decomposition.ImproveInParallel"/>): every <see cref="ParallelDecompositionInterval"/> iterations
    /// of the whole, <see cref="ParallelSubproblemIterations"/> iterations of each part. Below that size the threads run
    /// searches of their own that share one population (<see cref="RoutingSolver"/>).
    /// <see cref="int.MaxValue"/>: never.</summary>
    public int ParallelDecompositionMinClients { get; init; } = 1_500;
    public int ParallelDecompositionInterval { get; init; } = 100;
    public int ParallelSubproblemIterations { get; init; } = 1_000;

    /// <summary>Threads a decomposition step may use: more than one cuts the plan into that many parts searched at
    /// the same time. Set by <see cref="RoutingSolver"/> from the thread count.</summary>
    internal int DecompositionWorkers { get; init; } = 1;

    /// <summary>Whether the search keeps a pool of good, different feasible solutions and now and then
    /// builds its candidate by a route exchange with one of them instead of a ruin and recreate
    /// (<see cref="Population"/>, <see cref="Crossover"/>); only on instances of at least
    /// <see cref="PopulationMinClients"/> clients, below which nothing changes (the same moves and random
    /// numbers). On by default there: at 3,000 iterations, seeds 1-3, the Homberger R/RC and X instances
    /// of 800-1,000 clients ended 3.51% → 3.18% above the best known on average (README, "Performance", issue 17).</summary>
    public bool Population { get; init; } = true;
    public int PopulationMinClients { get; init; } = 500;

    /// <summary>Members kept (μ of HGS), elite members whose place rests on cost alone (nbElite), and the
    /// closest members a member's diversity is measured against (nbClose). One member, the best plan
    /// found, is the default: a pool of 10 managed for diversity as HGS does was worse at the budgets
    /// a 1,000-client instance gets (thousands of iterations), 3.53% against 3.18% in the same runs.</summary>
    public int PopulationSize { get; init; } = 1;
    public int PopulationElite { get; init; } = 4;
    public int PopulationClose { get; init; } = 3;

    /// <summary>Share of candidates built by crossover, when the pool holds a solution unlike the current one.</summary>
    public double CrossoverRate { get; init; } = 0.4;

    /// <summary>A crossover exchanges 1 to this share of the routes (at least 1).</summary>
    public double CrossoverRouteShare { get; init; } = 0.1;

    /// <summary>Whether a search that found no better plan for <see cref="RouteEliminationStall"/> iterations
    /// tries to do with one route fewer (<see cref="RouteElimination"/>): the best plan with one of its smaller
    /// routes emptied, local search and repair with the fleet closed. A result that beats the best plan becomes
    /// the best and the current solution (the attempt counts as an iteration); any other is dropped together with
    /// the random state it changed, so the search goes on as without it. Only on instances of at least
    /// <see cref="RouteEliminationMinClients"/> clients, below which nothing is created or drawn. On by default:
    /// at 30,000 iterations, seeds 1-6, Homberger's c2_10_1 ended at the best known (30 routes) in 6 of 6 runs
    /// against 3 of 6 without (the others at 31 routes, 1.35% above); where no attempt beats the best the plans are
    /// those without it, at the attempts' time (r1_10_1 and r2_10_1 at 20,000 iterations, 8 and 6 attempts dropped;
    /// README, issue 17, "one route fewer"). An earlier form took any feasible result as the current solution and
    /// made r2_10_1 and rc1_10_1 worse.</summary>
    public bool RouteElimination { get; init; } = true;
    public int RouteEliminationMinClients { get; init; } = 500;
    public int RouteEliminationStall { get; init; } = 1000;
}
