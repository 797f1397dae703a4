using System.Text.Json;
using Logistics.Routing.Instances;

namespace Logistics.Cli.Tests.Vrp;

/// <summary>SOLVER SMOKE TESTS: these run the real solver for a second per instance, so they check the
/// CLI's output contract end to end, not the solver's quality. Filter: <c>Category=SolverSmoke</c>.</summary>
[Trait("Category", "SolverSmoke")]
public class VrpSolveSmokeTests
{
    [Fact]
    public void Decompose_leaves_an_instance_below_500_customers_as_it_was()
    {
        var path = VrpBenchmarkFiles.Solomon("C101.txt");
        string[] args = ["vrp", "solve", path, "--time-limit", "60", "--seed", "2", "--max-iterations", "50"];

        var plain = CliRun.Of(args);
        var decomposed = CliRun.Of([.. args, "--decompose"]);

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, decomposed.ExitCode);
        using var a = JsonDocument.Parse(plain.Stdout);
        using var b = JsonDocument.Parse(decomposed.Stdout);
        Assert.Equal(a.RootElement.GetProperty("routes").GetRawText(), b.RootElement.GetProperty("routes").GetRawText());
    }

    [Fact]
    public void Solve_prints_one_json_object_with_a_checked_solomon_solution()
    {
        var path = VrpBenchmarkFiles.Solomon("C101.txt");

        var run = CliRun.Of("vrp", "solve", path, "--time-limit", "1", "--seed", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(["instance", "engine", "convention", "vehicles", "distance", "seconds", "feasible", "routes", "violations"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("C101", root.GetProperty("instance").GetString());
        Assert.Equal("dimacs", root.GetProperty("convention").GetString());
        Assert.True(root.GetProperty("feasible").GetBoolean());
        Assert.Equal(0, root.GetProperty("violations").GetArrayLength());
        var routes = root.GetProperty("routes").EnumerateArray()
            .Select(r => (IReadOnlyList<int>)r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        Assert.Equal(routes.Length, root.GetProperty("vehicles").GetInt32());
        Assert.Equal(Enumerable.Range(1, 100), routes.SelectMany(r => r).Order());
        Assert.InRange(root.GetProperty("seconds").GetDouble(), 0.0, 5.0);

        // The printed distance is what an independent evaluation of the printed routes gives, and
        // the proven optimum bounds it from below.
        var report = BenchmarkSolutionChecker.Check(SolomonReader.Read(path), routes);
        Assert.Empty(report.Violations);
        Assert.Equal(report.Distance, root.GetProperty("distance").GetDouble(), 6);
        Assert.True(report.Distance >= 827.3);
        Assert.Contains("C101", run.Stderr);
    }

    [Fact]
    public void The_same_seed_and_iteration_limit_print_the_same_routes()
    {
        string[] args = ["vrp", "solve", VrpBenchmarkFiles.Solomon("RC201.txt"), "--time-limit", "60", "--seed", "5", "--max-iterations", "60"];

        string Routes(CliRun run)
        {
            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(run.Stdout);
            return json.RootElement.GetProperty("routes").GetRawText() + " " + json.RootElement.GetProperty("distance").GetDouble();
        }

        Assert.Equal(Routes(CliRun.Of(args)), Routes(CliRun.Of(args)));
    }

    [Fact]
    public void Solve_reports_cvrplib_routes_as_node_ids()
    {
        var run = CliRun.Of("vrp", "solve", VrpBenchmarkFiles.Cvrplib("X-n101-k25.vrp"), "--time-limit", "1");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("tsplib", root.GetProperty("convention").GetString());
        var customers = root.GetProperty("routes").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(c => c.GetInt32());
        Assert.Equal(Enumerable.Range(2, 100), customers.Order());
        var distance = root.GetProperty("distance").GetDouble();
        Assert.Equal(Math.Round(distance), distance);
        Assert.True(distance >= 27591);
    }

    /// <summary>The broken instance's file name starts like a spreadsheet formula: the CSV keeps it as text.</summary>
    [Fact]
    public void Bench_writes_a_table_and_a_csv_and_keeps_going_after_a_broken_instance()
    {
        using var scratch = new ScratchFolder();
        var folder = scratch.Path;
        File.Copy(VrpBenchmarkFiles.Solomon("C101.txt"), Path.Combine(folder, "C101.txt"));
        File.Copy(VrpBenchmarkFiles.Solomon("bks_distance_only.csv"), Path.Combine(folder, "bks_distance_only.csv"));
        File.WriteAllLines(Path.Combine(folder, "=BROKEN.txt"), File.ReadAllLines(VrpBenchmarkFiles.Solomon("C102.txt")).Take(30));
        File.AppendAllText(Path.Combine(folder, "=BROKEN.txt"), "   30      20         50\r\n");
        var csvPath = Path.Combine(folder, "out.csv");

        var run = CliRun.Of("vrp", "bench", folder, "--time-limit", "1", "--csv", csvPath);

        Assert.Equal(2, run.ExitCode); // one instance could not be read
        Assert.Contains("[1/2] =BROKEN", run.Stderr);
        Assert.Contains("[2/2] C101", run.Stderr);
        Assert.Contains("=BROKEN.txt:31: DEMAND", run.Stderr);
        Assert.Contains("average gap:", run.Stdout);
        Assert.Contains("over 1 instances", run.Stdout);
        Assert.Contains("827.3", run.Stdout);

        var csv = File.ReadAllLines(csvPath);
        Assert.Equal("instance,bks,found,gap_pct,vehicles,seconds,feasible,engine", csv[0]);
        Assert.Equal(3, csv.Length);
        Assert.Equal("'=BROKEN,,,,,,error,ils", csv[1]);
        var c101 = csv[2].Split(',');
        Assert.Equal(("C101", "827.3", "true"), (c101[0], c101[1], c101[6]));
        var found = double.Parse(c101[2], System.Globalization.CultureInfo.InvariantCulture);
        var gap = double.Parse(c101[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((found - 827.3) / 827.3 * 100, gap, 3);
        Assert.True(gap >= 0);
    }
}
