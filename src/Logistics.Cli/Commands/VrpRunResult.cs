using Logistics.Routing.Instances;

namespace Logistics.Cli.Commands;

/// <summary>One solved benchmark instance, as the independent checker sees it.</summary>
/// <param name="Routes">Customer numbers as in the instance file, depot excluded.</param>
/// <param name="Seconds">Wall-clock time the solver used.</param>
/// <param name="Engine">The engine that solved it.</param>
internal sealed record VrpRunResult(BenchmarkInstance Instance, string Engine, IReadOnlyList<IReadOnlyList<int>> Routes, CheckReport Report,
    double Seconds, long Iterations)
{
    /// <summary>The checker's distance, rounded to what the convention can resolve (0.1 DIMACS, 1 TSPLIB,
    /// 0.0001 for real distances, as the BKS tables print them).</summary>
    public double Distance => Report.Convention switch
    {
        DistanceConvention.Dimacs => Math.Round(Report.Distance, 1),
        DistanceConvention.Tsplib => Math.Round(Report.Distance),
        _ => Math.Round(Report.Distance, 4),
    };
}
