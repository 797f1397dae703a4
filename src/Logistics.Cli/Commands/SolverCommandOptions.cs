using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Logistics.Routing.Engines;
using Logistics.Routing.Engines.OrTools;
using Logistics.Routing.Solver;

namespace Logistics.Cli.Commands;

/// <summary>The solver settings every command that solves takes (<c>plan</c>, <c>vrp solve</c>,
/// <c>vrp bench</c>), parsed one way so that each reports a bad value the same way.</summary>
internal sealed class SolverCommandOptions
{
    /// <summary>What <c>--engine both</c> asks for: every engine, one after the other, under the same settings.</summary>
    public const string BothEngines = "both";

    private readonly bool _allowBoth;

    /// <param name="allowBoth">Whether <c>--engine both</c> is accepted (vrp bench's side-by-side runs).</param>
    public SolverCommandOptions(double defaultTimeLimit, string timeLimitDescription, bool allowBoth = false)
    {
        _allowBoth = allowBoth;
        Engine = new Option<string>("--engine")
        {
            Description = $"Routing engine: {RoutingEngines.Ils} (ours, default) or {RoutingEngines.OrTools} (Google OR-Tools)" +
                          (allowBoth ? $", or {BothEngines} to solve every instance with each and compare them." : "."),
            DefaultValueFactory = _ => RoutingEngines.Default,
        };
        TimeLimit = new Option<double>("--time-limit") { Description = timeLimitDescription, DefaultValueFactory = _ => defaultTimeLimit };
        // Parsed here rather than checked by validators: a validator also runs when the text is no
        // number at all, and would then throw instead of reporting.
        TimeLimit.CustomParser = r =>
            Parse<double>(r, "--time-limit", defaultTimeLimit, TryDouble, v => v > 0 && double.IsFinite(v), "a positive number of seconds");
        Seed.CustomParser = r => Parse<int>(r, "--seed", 1, TryInt, v => v >= 0, "a non-negative integer");
        Threads.CustomParser = r => Parse<int>(r, "--threads", 1, TryInt, v => v is >= 1 and <= 64, "an integer from 1 to 64");
        MaxIterations.CustomParser = r => r.Tokens.Count == 0
            ? null
            : Parse<long>(r, "--max-iterations", 0, TryLong, v => v >= 1, "a positive integer");
    }

    public Option<double> TimeLimit { get; }

    public Option<string> Engine { get; }

    public Option<string?> FirstSolution { get; } = new("--first-solution")
    {
        Description = $"With --engine ortools: how OR-Tools builds its first solution ({OrToolsSettings.Choices<FirstSolutionStrategy>()}; " +
                      $"default {OrToolsSettings.Kebab(OrToolsSettings.Default.FirstSolution)}).",
    };

    public Option<string?> Metaheuristic { get; } = new("--metaheuristic")
    {
        Description = $"With --engine ortools: how OR-Tools improves it ({OrToolsSettings.Choices<Metaheuristic>()}; " +
                      $"default {OrToolsSettings.Kebab(OrToolsSettings.Default.Metaheuristic)}).",
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed of the ils engine's random choices (OR-Tools takes none).",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Threads for the search: searches with different seeds sharing one population from 500 stops; from 1,500 stops one search whose plan is cut into one part per thread, searched side by side (uses more cores; with a time limit the result then depends on timing).",
        DefaultValueFactory = _ => 1,
    };

    public Option<long?> MaxIterations { get; } = new("--max-iterations")
    {
        Description = "Stop after this many search iterations. With one thread, the same input, seed and " +
                      "iteration limit give the same result on any machine (a time limit alone depends on its speed).",
    };

    public Option<bool> SwapStar { get; } = new("--swap-star")
    {
        Description = "Exchange stops between routes with SWAP* on every problem (on by default only from 500 stops " +
                      "without time windows; slower per iteration and worse on large days with windows).",
    };

    public Option<bool> Decompose { get; } = new("--decompose")
    {
        Description = "On instances of 500 stops or more, also search groups of nearby routes as problems of their own " +
                      "(off by default: worse at the same iteration count in our measurements, mixed at the same time).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Engine);
        command.Options.Add(TimeLimit);
        command.Options.Add(Seed);
        command.Options.Add(Threads);
        command.Options.Add(MaxIterations);
        command.Options.Add(SwapStar);
        command.Options.Add(Decompose);
        command.Options.Add(FirstSolution);
        command.Options.Add(Metaheuristic);
    }

    /// <summary>The settings asked for, one per engine (both engines for <c>--engine both</c>), or null and the
    /// error that names the bad value. Checked here rather than by the parser so that a wrong engine is an input
    /// error (exit code 2), like every other bad value a command checks itself.</summary>
    public IReadOnlyList<SolverOptions>? ToSolverOptions(ParseResult parse, out string error)
    {
        error = "";
        var engineText = parse.GetValue(Engine);
        string[] engines;
        if (_allowBoth && string.Equals(engineText?.Trim(), BothEngines, StringComparison.OrdinalIgnoreCase)) engines = [.. RoutingEngines.Names];
        else if (RoutingEngines.TryParse(engineText, out var engine, out var message)) engines = [engine];
        else
        {
            error = $"--engine: {message}{(_allowBoth ? $" or {BothEngines}" : "")}";
            return null;
        }

        var orTools = OrToolsSettings.Default;
        if (parse.GetValue(FirstSolution) is { } first)
        {
            if (!OrToolsSettings.TryParse<FirstSolutionStrategy>(first, out var strategy))
            {
                error = $"--first-solution: unknown strategy '{first}'; choose one of {OrToolsSettings.Choices<FirstSolutionStrategy>()}";
                return null;
            }
            orTools = orTools with { FirstSolution = strategy };
        }
        if (parse.GetValue(Metaheuristic) is { } meta)
        {
            if (!OrToolsSettings.TryParse<Metaheuristic>(meta, out var metaheuristic))
            {
                error = $"--metaheuristic: unknown metaheuristic '{meta}'; choose one of {OrToolsSettings.Choices<Metaheuristic>()}";
                return null;
            }
            orTools = orTools with { Metaheuristic = metaheuristic };
        }
        if (!engines.Contains(RoutingEngines.OrTools) && (parse.GetValue(FirstSolution) is not null || parse.GetValue(Metaheuristic) is not null))
        {
            error = "--first-solution and --metaheuristic apply to --engine ortools only";
            return null;
        }

        return engines.Select(e => new SolverOptions
        {
            Engine = e,
            OrTools = orTools,
            TimeLimit = TimeSpan.FromSeconds(parse.GetValue(TimeLimit)),
            Seed = parse.GetValue(Seed),
            Threads = parse.GetValue(Threads),
            MaxIterations = parse.GetValue(MaxIterations),
            SwapStar = parse.GetValue(SwapStar),
            Decompose = parse.GetValue(Decompose),
        }).ToArray();
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static bool TryDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool TryLong(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static T Parse<T>(ArgumentResult result, string option, T fallback, TryParse<T> tryParse, Func<T, bool> valid, string expected)
    {
        if (result.Tokens.Count == 0) return fallback;
        var text = result.Tokens[^1].Value;
        if (tryParse(text, out var value) && valid(value)) return value;
        result.AddError($"{option} must be {expected}, got '{text}'");
        return fallback;
    }
}
