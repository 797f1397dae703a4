using System.Diagnostics;
using System.Globalization;
using Logistics.Routing.Engines;
using Logistics.Routing.Engines.OrTools;
using Logistics.Routing.Planning;
using Logistics.Routing.Solver;

namespace Logistics.Benchmarks;

/// <summary>The anytime behaviour on a dispatcher's day: how soon the first feasible plan exists
/// and what the best plan costs after given times.
///   dotnet run -c Release --project benchmarks/Logistics.Benchmarks -- curve &lt;day folder&gt; [seconds=60] [threads=1] [engine=ils] [first-solution] [--seed n] [tuning options]
/// `--seed` is our engine's (1 by default, as the planner's); the tuning options (<see cref="SearchTuning"/>) change our
/// engine's search parameters from their defaults, for measuring a setting on a dispatcher's day.</summary>
internal static class PlanningCurve
{
    public static int Run(string[] args)
    {
        var seed = SolverOptions.Default.Seed;
        SearchParameters? parameters = null;
        var positional = new List<string>();
        for (var k = 0; k < args.Length; k++)
        {
            if (!args[k].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[k]);
                continue;
            }
            if (k + 1 == args.Length)
            {
                Console.Error.WriteLine($"option {args[k]} needs a value");
                return 2;
            }
            if (args[k] == "--seed") seed = int.Parse(args[k + 1], CultureInfo.InvariantCulture);
            else
            {
                var tuned = parameters ?? new SearchParameters();
                if (!SearchTuning.TryApply(args[k], args[k + 1], ref tuned))
                {
                    Console.Error.WriteLine($"unknown option '{args[k]}'; options: --seed n {SearchTuning.Usage}");
                    return 2;
                }
                parameters = tuned;
            }
            k++;
        }
        args = positional.ToArray();
        if (args.Length < 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine($"usage: curve <folder with stores.csv, orders.csv, fleet.csv> [seconds=60] [threads=1] [engine: {RoutingEngines.NameList}] [first-solution, ortools: {OrToolsSettings.Choices<FirstSolutionStrategy>()}] [--seed n] {SearchTuning.Usage}");
            return 2;
        }
        var engineText = args.Length > 3 ? args[3] : RoutingEngines.Default;
        if (!RoutingEngines.TryParse(engineText, out var engine, out var error))
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        var orTools = OrToolsSettings.Default;
        if (args.Length > 4)
        {
            if (!OrToolsSettings.TryParse<FirstSolutionStrategy>(args[4], out var strategy))
            {
                Console.Error.WriteLine($"unknown first solution strategy '{args[4]}'; choose one of {OrToolsSettings.Choices<FirstSolutionStrategy>()}");
                return 2;
            }
            orTools = orTools with { FirstSolution = strategy };
        }
        var folder = args[0];
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;

        var clock = Stopwatch.StartNew();
        var day = PlanRunner.Load(Path.Combine(folder, "stores.csv"), Path.Combine(folder, "orders.csv"),
            Path.Combine(folder, "fleet.csv"), new DateOnly(2026, 11, 23));
        var loaded = clock.Elapsed;
        var options = new SolverOptions { TimeLimit = TimeSpan.FromSeconds(seconds), Threads = threads, Engine = engine, OrTools = orTools, Seed = seed };
        if (parameters is not null && engine != RoutingEngines.Ils)
        {
            Console.Error.WriteLine("tuning options apply to our engine (ils) only");
            return 2;
        }
        var (plan, result) = parameters is null ? PlanRunner.Solve(day, options) : SolveTuned(day, options, parameters);

        Console.WriteLine($"{day.Stores.Count} stores, {day.Orders.Count} orders, {day.Fleet.Sum(v => v.Count)} vehicles; " +
                          $"read in {loaded.TotalSeconds:F2} s; engine {result.Engine}; {seconds} s limit, {threads} thread(s), seed {seed}, {result.Iterations} iterations " +
                          "(ortools: solutions reported)");
        foreach (var note in result.Notes) Console.WriteLine($"note: {note}");
        if (result.CostHistory.Count == 0)
        {
            Console.WriteLine("no feasible plan");
            return 1;
        }
        // Costs include the prizes of stops left out, so a curve is comparable only between runs
        // that serve the same stops; the plan's route cost and stops left out are printed as well.
        Console.WriteLine($"first feasible plan after {result.CostHistory[0].Elapsed.TotalSeconds:F2} s (solve time, input read excluded)");
        // The limit itself is a mark too: a run's own end is what "within x% of its 10-minute result" compares with.
        foreach (var mark in new[] { 2.0, 10, 30, 60, 120, 300 }.Where(m => m < seconds).Append(seconds))
        {
            var best = result.CostHistory.LastOrDefault(p => p.Elapsed.TotalSeconds <= mark);
            Console.WriteLine(best.Elapsed == TimeSpan.Zero && best.Cost == 0
                ? $"  at {mark,4} s: none yet"
                : $"  at {mark,4} s: objective {CostUnits.ToYuan(best.Cost),12:N2} yuan");
        }
        if (result.Profile is { } profile)
            Console.WriteLine("search time: " + string.Join(", ", Enum.GetValues<SearchPhase>().Where(p => profile.Share(p) >= 0.005)
                .Select(p => $"{p} {profile[p].TotalSeconds:F1} s ({profile.Share(p):P0})")) +
                $"; repairs {profile.Repairs:N0} ({profile.RepairsFeasible:N0} feasible), crossovers {profile.Crossovers:N0}, route eliminations {profile.Eliminations:N0} ({profile.EliminationsImproved:N0} kept)");
        Console.WriteLine($"final plan: {plan.Totals.Routes} routes, {plan.Totals.Stops} stops, {plan.Totals.DistanceKm:N1} km, " +
                          $"route cost {plan.Totals.Cost:N2} yuan, {plan.Unassigned.Count} orders left out");
        return 0;
    }

    /// <summary>As <see cref="PlanRunner.Solve"/> with our engine and other search parameters.</summary>
    private static (Plan Plan, SolverResult Result) SolveTuned(DispatchProblem day, SolverOptions options, SearchParameters parameters)
    {
        var mapped = ProblemMapper.Map(day);
        var result = RoutingSolver.Solve(mapped.Data, options, parameters);
        return (PlanBuilder.Build(mapped, result.Solution), result);
    }
}
