namespace Logistics.Routing.Solver;

/// <summary>How long and how the solver searches.</summary>
public sealed record SolverOptions
{
    /// <summary>Every option at its default.</summary>
    public static SolverOptions Default { get; } = new();

    /// <summary>Wall-clock limit; the best solution found so far is returned when it runs out.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Seed of the random choices; with one thread, same input + seed + iteration limit → same solution.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Independent searches run in parallel (each with its own seed); 1 keeps runs reproducible.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Stop after this many iterations even if time remains (reproducible runs, tests).</summary>
    public long? MaxIterations { get; init; }

    /// <summary>Also run SWAP* (Vidal 2022) in the local search. Off by default: at the same iteration
    /// count it finds better CVRP solutions, but on a dispatcher's day (1,000 stores, windows, 40
    /// vehicles) each iteration took three times as long and the plan at 10 s and 60 s was worse.</summary>
    public bool SwapStar { get; init; }
}
