using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Engines;

/// <summary>Our own iterated local search (<see cref="RoutingSolver"/>), the default engine.</summary>
internal sealed class IteratedLocalSearchEngine : IRoutingEngine
{
    public string Name => RoutingEngines.Ils;

    public SolverResult Solve(ProblemData data, SolverOptions options, IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        RoutingSolver.Solve(data, options, progress, cancellationToken) with { Engine = Name };
}
