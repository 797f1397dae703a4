using Logistics.Routing.Engines;
using Logistics.Routing.Instances;
using Logistics.Routing.Solver;

namespace Logistics.Cli.Commands;

/// <summary>Solves one benchmark instance and judges the result with the checker, not with the
/// solver's own opinion of it.</summary>
/// <exception cref="EngineRefusedException">The engine cannot honour the instance or the options.</exception>
internal static class VrpRunner
{
    public static VrpRunResult Run(BenchmarkInstance instance, SolverOptions options, IProgress<SolverProgress>? progress,
        CancellationToken cancellationToken)
    {
        var result = RoutingEngines.Solve(instance.Problem, options, progress, cancellationToken);
        var routes = result.Solution.Routes
            .Where(r => r.Clients.Count > 0)
            .Select(r => (IReadOnlyList<int>)r.Clients.Select(c => instance.Customers[c].Number).ToArray())
            .ToArray();
        var report = BenchmarkSolutionChecker.Check(instance, routes);
        return new VrpRunResult(instance, result.Engine, routes, report, result.Elapsed.TotalSeconds, result.Iterations);
    }
}
