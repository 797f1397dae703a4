using System.Diagnostics;
using System.Globalization;
using Logistics.Routing.Instances;
using Logistics.Routing.Solver;

namespace Logistics.Benchmarks;

/// <summary>Quality and speed of the search with a setting off and on, at the same iteration budget
/// and seeds (so the quality column is reproducible; the time columns are not), every solution judged
/// by the independent checker against the folder's distance-only BKS, with where the time went.
///   dotnet run -c Release --project benchmarks/Logistics.Benchmarks -- swapstar|decompose|penalties|focus|population|eliminate|construct &lt;iterations&gt; &lt;seeds, e.g. 1,2&gt; [--only off|on] [--time seconds] [tuning options, <see cref="SearchTuning"/>] &lt;instance files...&gt;
/// `swapstar`: SWAP* in the local search; `decompose`: sub-problems of nearby routes on large instances;
/// `penalties`: penalty updates every 50 candidates whatever the size (off) or in fewer candidates on
/// larger instances (on, the default); `focus`: the local search after each ruin and recreate examining
/// every pair of the changed routes (off) or only pairs with a client whose place changed, from 500
/// clients on (on, the default); `population`: candidates from ruin and recreate only (off) or also from a route
/// exchange with a pool of good, different plans, from 500 clients on (on); `eliminate`: without (off) or with (on) an
/// attempt to empty one of the best plan's smaller routes after `--stall` iterations without a better plan, from 500 clients on;
/// `construct`: the construction weighing time warp as the search starts to (off) or `--construct-warp` times as heavily, from 500 clients on (on).</summary>
internal static class SearchComparison
{
    public static readonly string[] Settings = ["swapstar", "decompose", "penalties", "focus", "population", "eliminate", "construct"];

    public static int Run(string setting, string[] args)
    {
        if (args.Length < 3 || !long.TryParse(args[0], CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            Console.Error.WriteLine($"usage: {setting} <iterations> <seeds, e.g. 1,2> [--only off|on] [--time seconds] {SearchTuning.Usage} <instance files...>");
            return 2;
        }
        var seeds = args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        // `--only off|on` runs one side (long runs on a shared machine, one process at a time); `--time seconds`
        // searches each instance for that long instead, with no iteration limit (not reproducible: for runs at a fixed
        // time); the other options are the search's tuning knobs (SearchTuning).
        var files = args[2..];
        bool[] sides = [false, true];
        var parameters = new SearchParameters();
        TimeSpan? timeLimit = null;
        while (files.Length > 1 && files[0].StartsWith("--", StringComparison.Ordinal))
        {
            if (files[0] == "--only") sides = [files[1] == "on"];
            else if (files[0] == "--time") timeLimit = TimeSpan.FromSeconds(double.Parse(files[1], CultureInfo.InvariantCulture));
            else if (!SearchTuning.TryApply(files[0], files[1], ref parameters))
            {
                Console.Error.WriteLine($"unknown option '{files[0]}'");
                return 2;
            }
            files = files[2..];
        }
        var phases = Enum.GetValues<SearchPhase>();
        Console.WriteLine($"instance,seed,{setting},bks,found,gap_pct,vehicles,feasible,seconds,cpu_seconds,iterations,seconds_per_1000_iterations,allocated_bytes_per_iteration,gc_count,subproblems,improved,crossovers,crossovers_improved,eliminations,eliminations_feasible,eliminations_improved,"
                          + "repairs,repairs_feasible,evaluations_per_iteration,repair_evaluation_share,"
                          + string.Join(',', phases.Select(p => $"share_{p}")));
        foreach (var file in files)
        {
            var instance = BenchmarkInstance.Load(file);
            var bks = Bks(file, instance);
            foreach (var seed in seeds)
                foreach (var on in sides)
                {
                    var options = timeLimit is { } limit
                        ? new SolverOptions { TimeLimit = limit, Seed = seed }
                        : new SolverOptions { TimeLimit = TimeSpan.FromHours(1), Seed = seed, MaxIterations = iterations };
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var (allocated, collections) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));
                    var result = RoutingSolver.Solve(instance.Problem, options, Parameters(parameters, setting, on));
                    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    (allocated, collections) = (GC.GetTotalAllocatedBytes(precise: true) - allocated, GC.CollectionCount(0) - collections);
                    var routes = result.Solution.Routes.Where(r => r.Clients.Count > 0)
                        .Select(r => (IReadOnlyList<int>)r.Clients.Select(c => instance.Customers[c].Number).ToArray()).ToArray();
                    var report = BenchmarkSolutionChecker.Check(instance, routes);
                    var gap = bks is { } b ? (report.Distance - b) / b * 100 : double.NaN;
                    var seconds = result.Elapsed.TotalSeconds;
                    var profile = result.Profile!;
                    Console.WriteLine(string.Join(',', instance.Name, seed, on ? "on" : "off", F(bks ?? double.NaN), F(report.Distance),
                        F(gap, "0.000"), report.Vehicles, report.IsFeasible, F(seconds, "0.00"), F(cpu.TotalSeconds, "0.00"), result.Iterations,
                        F(seconds / result.Iterations * 1000, "0.00"), F((double)allocated / result.Iterations, "0"), collections, profile.Subproblems, profile.SubproblemsImproved, profile.Crossovers, profile.CrossoversImproved, profile.Eliminations, profile.EliminationsFeasible, profile.EliminationsImproved,
                        profile.Repairs, profile.RepairsFeasible, F((double)profile.MoveEvaluations / result.Iterations, "0"),
                        F((double)profile.RepairMoveEvaluations / Math.Max(1, profile.MoveEvaluations), "0.000"),
                        string.Join(',', phases.Select(p => F(profile.Share(p), "0.000")))));
                }
        }
        return 0;
    }

    private static SearchParameters Parameters(SearchParameters parameters, string setting, bool on) => setting switch
    {
        "swapstar" => parameters with { SwapStar = on, SwapStarMinClients = on ? parameters.SwapStarMinClients : int.MaxValue },
        "decompose" => parameters with { Decompose = on },
        "penalties" => on ? parameters : parameters with { MinPenaltyUpdateInterval = parameters.PenaltyUpdateInterval },
        "focus" => on ? parameters : parameters with { FocusedLocalSearchMinClients = int.MaxValue },
        "population" => parameters with { Population = on },
        "eliminate" => parameters with { RouteElimination = on },
        "construct" => on ? parameters : parameters with { ConstructionWindowsMinClients = int.MaxValue },
        _ => throw new ArgumentException($"unknown setting '{setting}'; choose one of {string.Join(", ", Settings)}"),
    };

    private static double? Bks(string file, BenchmarkInstance instance)
    {
        var table = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!,
            instance.Convention == DistanceConvention.Dimacs ? "bks_distance_only.csv" : "bks.csv");
        return File.Exists(table) ? BksTable.Read(table).Find(instance.Name)?.Distance : null;
    }

    private static string F(double value, string format = "0.####") => value.ToString(format, CultureInfo.InvariantCulture);
}
