using System.CommandLine;
using Logistics.Routing.Instances;
using Logistics.Routing.Solver;

namespace Logistics.Cli.Commands;

/// <summary>The options <c>vrp solve</c> and <c>vrp bench</c> share, and how they become solver settings.</summary>
internal sealed class VrpOptions
{
    public VrpOptions(bool allowBothEngines = false)
    {
        Solver = new SolverCommandOptions(10, "Seconds of search per instance (per engine).", allowBothEngines);
        Convention.AcceptOnlyFromAmong("dimacs", "real", "tsplib");
    }

    public SolverCommandOptions Solver { get; }

    public Option<string?> Convention { get; } = new("--convention")
    {
        Description = "Arc lengths: dimacs (each arc truncated to 0.1; default for .txt), real (unrounded) " +
                      "or tsplib (rounded to an integer; default for .vrp).",
    };

    public void AddTo(Command command)
    {
        Solver.AddTo(command);
        command.Options.Add(Convention);
    }

    /// <summary>One setting per engine asked for, or null and the error naming the bad value.</summary>
    public IReadOnlyList<SolverOptions>? SolverOptions(ParseResult parse, out string error) => Solver.ToSolverOptions(parse, out error);

    /// <summary>The convention asked for, or null for each format's default.</summary>
    public DistanceConvention? DistanceConvention(ParseResult parse) => parse.GetValue(Convention) switch
    {
        "dimacs" => Routing.Instances.DistanceConvention.Dimacs,
        "real" => Routing.Instances.DistanceConvention.Real,
        "tsplib" => Routing.Instances.DistanceConvention.Tsplib,
        _ => null,
    };

    public static string Name(DistanceConvention convention) => convention.ToString().ToLowerInvariant();
}
