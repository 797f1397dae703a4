using Logistics.Routing.Engines.OrTools;
using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Engines;

/// <summary>The engines a user can choose by name, and the one place a solve goes through:
/// <see cref="Solve"/> picks the engine named in <see cref="SolverOptions.Engine"/>.</summary>
public static class RoutingEngines
{
    /// <summary>Our iterated local search: the default, because it measured better on every public set and on
    /// the dispatcher's day (README, performance).</summary>
    public const string Ils = "ils";

    /// <summary>Google OR-Tools' routing library (guided local search by default).</summary>
    public const string OrTools = "ortools";

    public const string Default = Ils;

    public static IReadOnlyList<string> Names { get; } = [Ils, OrTools];

    /// <summary>The names as a user reads them in a message: "ils, ortools".</summary>
    public static string NameList => string.Join(", ", Names);

    /// <summary>The engine of that name (case-insensitive), or an error message listing the valid names.</summary>
    public static bool TryParse(string? text, out string name, out string error)
    {
        name = Names.FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        error = name.Length > 0 ? "" : $"unknown engine '{text}'; choose one of {NameList}";
        return name.Length > 0;
    }

    /// <exception cref="ArgumentException">An unknown name; the message lists the valid ones.</exception>
    public static IRoutingEngine Create(string name) => name switch
    {
        Ils => new IteratedLocalSearchEngine(),
        OrTools => new OrToolsEngine(),
        _ => throw new ArgumentException($"unknown engine '{name}'; choose one of {NameList}", nameof(name)),
    };

    /// <summary>Solves with the engine <paramref name="options"/> names.</summary>
    public static SolverResult Solve(ProblemData data, SolverOptions options, IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Create(options.Engine).Solve(data, options, progress, cancellationToken);
}
