using Logistics.Routing.Model;

namespace Logistics.Routing.Solver;

/// <summary>Entry point of the route optimiser.</summary>
public static class RoutingSolver
{
    /// <summary>Searches until the time or iteration limit or cancellation, and returns the best
    /// solution found (anytime). Thread-safe: every call has its own state.</summary>
    public static SolverResult Solve(ProblemData data, SolverOptions options, IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("the solver is being written (issue #3)");
}
