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
    IReadOnlyList<CostPoint> CostHistory);
