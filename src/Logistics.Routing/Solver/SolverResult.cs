using Logistics.Routing.Model;

namespace Logistics.Routing.Solver;

/// <summary>A point of the best-cost curve: when a better feasible solution was found.</summary>
public readonly record struct CostPoint(TimeSpan Elapsed, Int128 Cost);

/// <summary>The best solution found. <see cref="Cost"/> is the objective: route costs (fixed +
/// distance + duration) plus the prizes of optional clients left out, plus the weighted arrival
/// times when clients carry arrival weights. <see cref="CostHistory"/> follows the search itself,
/// which leaves arrival weights to a final pass, so its last point can differ from Cost then.</summary>
public sealed record SolverResult(
    Solution Solution,
    Int128 Cost,
    bool IsFeasible,
    TimeSpan Elapsed,
    long Iterations,
    IReadOnlyList<CostPoint> CostHistory)
{
    /// <summary>The engine that found it (<see cref="Engines.RoutingEngines.Names"/>).</summary>
    public string Engine { get; init; } = Engines.RoutingEngines.Default;

    /// <summary>What the user should know about how this result was found (e.g. that it cannot be
    /// reproduced, or that a guarantee could not be kept); empty when there is nothing to say.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Where our engine's search spent its time (all threads together); null from OR-Tools.</summary>
    public SearchProfile? Profile { get; init; }
}
