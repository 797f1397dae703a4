using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Logistics.Routing.Instances;
using Logistics.Routing.Solver;

namespace Logistics.Cli.Commands;

/// <summary>The options <c>vrp solve</c> and <c>vrp bench</c> share, and how they become solver settings.</summary>
internal sealed class VrpOptions
{
    public Option<double> TimeLimit { get; } = new("--time-limit")
    {
        Description = "Seconds of search per instance.",
        DefaultValueFactory = _ => 10,
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed of the solver's random choices.",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Parallel searches; 1 keeps runs reproducible.",
        DefaultValueFactory = _ => 1,
    };

    public Option<string?> Convention { get; } = new("--convention")
    {
        Description = "Arc lengths: dimacs (each arc truncated to 0.1; default for .txt), real (unrounded) " +
                      "or tsplib (rounded to an integer; default for .vrp).",
    };

    public VrpOptions()
    {
        // Parsed here rather than checked by validators: a validator also runs when the text is no
        // number at all, and would then throw instead of reporting.
        TimeLimit.CustomParser = r =>
            Parse<double>(r, "--time-limit", 10, TryDouble, v => v > 0 && double.IsFinite(v), "a positive number of seconds");
        Seed.CustomParser = r => Parse<int>(r, "--seed", 1, TryInt, v => v >= 0, "a non-negative integer");
        Threads.CustomParser = r => Parse<int>(r, "--threads", 1, TryInt, v => v is >= 1 and <= 64, "an integer from 1 to 64");
        Convention.AcceptOnlyFromAmong("dimacs", "real", "tsplib");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(TimeLimit);
        command.Options.Add(Seed);
        command.Options.Add(Threads);
        command.Options.Add(Convention);
    }

    public SolverOptions SolverOptions(ParseResult parse) => new()
    {
        TimeLimit = TimeSpan.FromSeconds(parse.GetValue(TimeLimit)),
        Seed = parse.GetValue(Seed),
        Threads = parse.GetValue(Threads),
    };

    /// <summary>The convention asked for, or null for each format's default.</summary>
    public DistanceConvention? DistanceConvention(ParseResult parse) => parse.GetValue(Convention) switch
    {
        "dimacs" => Routing.Instances.DistanceConvention.Dimacs,
        "real" => Routing.Instances.DistanceConvention.Real,
        "tsplib" => Routing.Instances.DistanceConvention.Tsplib,
        _ => null,
    };

    private delegate bool TryParse<T>(string text, out T value);

    private static bool TryDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static T Parse<T>(ArgumentResult result, string option, T fallback, TryParse<T> tryParse, Func<T, bool> valid, string expected)
    {
        if (result.Tokens.Count == 0) return fallback;
        var text = result.Tokens[^1].Value;
        if (tryParse(text, out var value) && valid(value)) return value;
        result.AddError($"{option} must be {expected}, got '{text}'");
        return fallback;
    }

    public static string Name(DistanceConvention convention) => convention.ToString().ToLowerInvariant();
}
