using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Engines;

/// <summary>A route optimiser behind the planner's one seam: a <see cref="ProblemData"/> in, the best
/// <see cref="Solution"/> found within the time limit out, with progress and cancellation. Everything
/// above it (plans, GeoJSON, manifests, moves, re-optimisation with locked routes, the API) works the
/// same with any engine. Implementations are thread-safe: every call has its own state.</summary>
public interface IRoutingEngine
{
    /// <summary>The name users choose it by (<see cref="RoutingEngines.Names"/>).</summary>
    string Name { get; }

    /// <summary>Searches until the time limit or cancellation and returns the best solution found.</summary>
    /// <exception cref="EngineRefusedException">The problem or the options need something this engine cannot do.</exception>
    SolverResult Solve(ProblemData data, SolverOptions options, IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
