using Logistics.Routing.Engines;
using Logistics.Routing.Engines.OrTools;

namespace Logistics.Routing.Solver;

/// <summary>How long and how the solver searches, and with which engine (<see cref="RoutingEngines"/>).</summary>
public sealed record SolverOptions
{
    /// <summary>The engine that searches: <see cref="RoutingEngines.Ils"/> (ours, default) or <see cref="RoutingEngines.OrTools"/>.</summary>
    public string Engine { get; init; } = RoutingEngines.Default;

    /// <summary>Settings of the OR-Tools engine; the other engine ignores them.</summary>
    public OrToolsSettings OrTools { get; init; } = OrToolsSettings.Default;

    /// <summary>Every option at its default.</summary>
    public static SolverOptions Default { get; } = new();

    /// <summary>Wall-clock limit; the best solution found so far is returned when it runs out.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Seed of our engine's random choices (OR-Tools takes none); with one thread, same input + seed + iteration limit → same solution.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Independent searches run in parallel (each with its own seed); 1 keeps runs reproducible.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Stop after this many iterations even if time remains (reproducible runs, tests).</summary>
    public long? MaxIterations { get; init; }

    /// <summary>Run SWAP* (Vidal 2022) in the local search on every problem. Without it, SWAP* runs only on
    /// problems of 500 clients or more where no time limit binds (capacity-only, as CVRPLIB X), where it paid at
    /// a fixed time; on a dispatcher's day (1,000 stores, windows, 40 vehicles) each iteration took three times
    /// as long and the plan at 10 s and 60 s was worse, and on Homberger's 1,000-client files it was worse too.</summary>
    public bool SwapStar { get; init; }

    /// <summary>On instances of 500 clients or more, now and then search a group of nearby routes as a
    /// problem of its own (<see cref="Decomposition"/>). Off by default: at equal iteration budgets
    /// (a sub-problem's iterations counted like the whole's) the plans were worse on two Homberger
    /// 1,000 instances and X-n1001; at a fixed time better on rc1_10_1 and worse on X-n1001, one run
    /// each (README, "Performance").</summary>
    public bool Decompose { get; init; }
}
