using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Logistics.Routing.Solver;

namespace Logistics.Cli.Commands;

/// <summary>The solver settings every command that solves takes (<c>plan</c>, <c>vrp solve</c>,
/// <c>vrp bench</c>), parsed one way so that each reports a bad value the same way.</summary>
internal sealed class SolverCommandOptions
{
    public SolverCommandOptions(double defaultTimeLimit, string timeLimitDescription)
    {
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

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed of the solver's random choices.",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Parallel searches with different seeds (uses more cores; the result then depends on timing).",
        DefaultValueFactory = _ => 1,
    };

    public Option<long?> MaxIterations { get; } = new("--max-iterations")
    {
        Description = "Stop after this many search iterations. With one thread, the same input, seed and " +
                      "iteration limit give the same result on any machine (a time limit alone depends on its speed).",
    };

    public Option<bool> SwapStar { get; } = new("--swap-star")
    {
        Description = "Also exchange stops between routes with SWAP* (better per iteration on capacity-bound " +
                      "problems, slower per iteration on large days with time windows).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(TimeLimit);
        command.Options.Add(Seed);
        command.Options.Add(Threads);
        command.Options.Add(MaxIterations);
        command.Options.Add(SwapStar);
    }

    public SolverOptions ToSolverOptions(ParseResult parse) => new()
    {
        TimeLimit = TimeSpan.FromSeconds(parse.GetValue(TimeLimit)),
        Seed = parse.GetValue(Seed),
        Threads = parse.GetValue(Threads),
        MaxIterations = parse.GetValue(MaxIterations),
        SwapStar = parse.GetValue(SwapStar),
    };

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
