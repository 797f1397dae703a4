using System.Globalization;
using Logistics.Routing.Instances;
using Logistics.Routing.Solver;

namespace Logistics.Cli.Commands;

/// <summary>The solver's progress on one instance as a <see cref="ProgressLine"/>: best distance, routes and
/// iterations so far.</summary>
internal sealed class SolverProgressWriter(TextWriter writer, string label, BenchmarkInstance instance) : IProgress<SolverProgress>
{
    private readonly ProgressLine _line = new(writer);

    /// <summary>Says that the instance is starting, before the solver's first report.</summary>
    public void Start(TimeSpan timeLimit) =>
        _line.Show($"{label}: {instance.Customers.Count} customers, solving for {Seconds(timeLimit)} s");

    public void Report(SolverProgress value) => _line.Update(value.Elapsed, () =>
    {
        var best = value.BestRouteCost is { } cost
            ? $"best {instance.ToReportedDistance(cost).ToString("0.####", CultureInfo.InvariantCulture)} with {value.BestRoutes} routes"
            : "no feasible solution yet";
        return $"{label}: {Seconds(value.Elapsed)} / {Seconds(value.TimeLimit)} s, {best}, {value.Iterations} iterations";
    });

    /// <summary>Ends the progress display with the instance's outcome.</summary>
    public void Finish(string outcome) => _line.Finish($"{label}: {outcome}");

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
