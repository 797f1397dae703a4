using System.Text.Json;
using Logistics.Routing.Instances;

namespace Logistics.Cli.Tests.Vrp;

/// <summary>--engine on the commands that solve. The runs use the real engines for a second per instance
/// (<c>Category=SolverSmoke</c>); they check the output contract, not the engines' quality.</summary>
public class VrpEngineTests
{
    [Theory]
    [InlineData("vrp", "solve", "{solomon}/C101.txt", "--engine", "gurobi")]
    [InlineData("vrp", "bench", "{solomon}", "--engine", "gurobi")]
    public void An_unknown_engine_is_an_input_error_naming_the_valid_ones(params string[] args)
    {
        var run = CliRun.Of(args.Select(a => a.Replace("{solomon}", Path.Combine(VrpBenchmarkFiles.Folder, "solomon"))).ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("unknown engine 'gurobi'; choose one of ils, ortools", run.Stderr);
    }

    [Fact]
    public void Plan_refuses_an_unknown_engine_before_reading_any_file()
    {
        // plan writes its errors to the console rather than the test's writer; its exit code says which kind.
        var run = CliRun.Of("plan", "--stores", "missing.csv", "--orders", "o.csv", "--fleet", "f.csv", "--out", "p.json", "--engine", "gurobi");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Or_tools_settings_with_our_engine_or_an_unknown_strategy_are_refused()
    {
        var path = VrpBenchmarkFiles.Solomon("C101.txt");

        var withIls = CliRun.Of("vrp", "solve", path, "--metaheuristic", "tabu-search");
        var unknown = CliRun.Of("vrp", "solve", path, "--engine", "ortools", "--first-solution", "random");

        Assert.Equal(2, withIls.ExitCode);
        Assert.Contains("apply to --engine ortools only", withIls.Stderr);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown strategy 'random'; choose one of parallel-cheapest-insertion, path-cheapest-arc", unknown.Stderr);
    }

    [Fact]
    [Trait("Category", "SolverSmoke")]
    public void Solve_with_ortools_prints_a_solution_the_checker_accepts()
    {
        var path = VrpBenchmarkFiles.Solomon("C101.txt");

        var run = CliRun.Of("vrp", "solve", path, "--engine", "ortools", "--time-limit", "1");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("ortools", root.GetProperty("engine").GetString());
        var routes = root.GetProperty("routes").EnumerateArray()
            .Select(r => (IReadOnlyList<int>)r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        var report = BenchmarkSolutionChecker.Check(SolomonReader.Read(path), routes);
        Assert.Empty(report.Violations);
        Assert.Equal(report.Distance, root.GetProperty("distance").GetDouble(), 6);
        Assert.Contains("C101 (ortools)", run.Stderr);
    }

    [Fact]
    [Trait("Category", "SolverSmoke")]
    public void Bench_with_both_engines_prints_both_gaps_and_their_ratio()
    {
        using var scratch = new ScratchFolder();
        File.Copy(VrpBenchmarkFiles.Solomon("C101.txt"), Path.Combine(scratch.Path, "C101.txt"));
        File.Copy(VrpBenchmarkFiles.Solomon("bks_distance_only.csv"), Path.Combine(scratch.Path, "bks_distance_only.csv"));
        var csvPath = Path.Combine(scratch.Path, "out.csv");

        var run = CliRun.Of("vrp", "bench", scratch.Path, "--engine", "both", "--time-limit", "1", "--csv", csvPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[1/1] C101 (ils)", run.Stderr);
        Assert.Contains("[1/1] C101 (ortools)", run.Stderr);
        Assert.Contains("ils gap %", run.Stdout);
        Assert.Contains("ortools gap %", run.Stdout);
        Assert.Contains("average gap ils: ", run.Stdout);
        Assert.Contains("average gap ortools: ", run.Stdout);
        Assert.Contains("ratio of average gaps ortools/ils: ", run.Stdout);
        var csv = File.ReadAllLines(csvPath);
        Assert.Equal(3, csv.Length);
        Assert.EndsWith(",true,ils", csv[1]);
        Assert.EndsWith(",true,ortools", csv[2]);
    }
}
