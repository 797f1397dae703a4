namespace Logistics.Cli.Tests.Vrp;

public class VrpCommandArgumentTests
{
    [Theory]
    [InlineData("vrp", "solve", "C101.txt", "--bogus")]
    [InlineData("vrp", "solve")]
    [InlineData("vrp", "solve", "C101.txt", "--convention", "manhattan")]
    [InlineData("vrp", "solve", "C101.txt", "--time-limit", "0")]
    [InlineData("vrp", "solve", "C101.txt", "--time-limit", "ten")]
    [InlineData("vrp", "solve", "C101.txt", "--threads", "0")]
    [InlineData("vrp", "bench", "folder", "--seed", "-3")]
    [InlineData("vrp")]
    [InlineData("vrp", "solve", "C101.txt", "--max-iterations", "0")]
    [InlineData("plan", "--stores", "s.csv", "--orders", "o.csv", "--fleet", "f.csv", "--out", "p.json", "--time-limit", "abc")]
    [InlineData("plan", "--stores", "s.csv", "--orders", "o.csv", "--fleet", "f.csv", "--out", "p.json", "--max-iterations", "-5")]
    public void Bad_command_lines_exit_non_zero_with_a_message_and_empty_stdout(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(CliApp.UsageExitCode, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("--help", run.Stderr);
        Assert.True(run.Stderr.Split('\n').Length >= 2, run.Stderr);
    }

    [Fact]
    public void Unknown_option_is_named()
    {
        var run = CliRun.Of("vrp", "solve", "C101.txt", "--bogus");

        Assert.Contains("'--bogus'", run.Stderr);
        Assert.Contains("logistics vrp solve --help", run.Stderr);
    }

    [Fact]
    public void Bad_convention_lists_the_accepted_ones()
    {
        var run = CliRun.Of("vrp", "solve", "C101.txt", "--convention", "manhattan");

        Assert.Contains("manhattan", run.Stderr);
        Assert.Contains("dimacs", run.Stderr);
        Assert.Contains("real", run.Stderr);
    }

    [Fact]
    public void Missing_instance_file_is_named_on_stderr()
    {
        using var scratch = new ScratchFolder();
        var missing = scratch.File("R999.txt");

        var run = CliRun.Of("vrp", "solve", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(missing, run.Stderr);
        Assert.Contains("cannot be read", run.Stderr);
    }

    [Fact]
    public void Malformed_instance_is_reported_with_line_and_field()
    {
        using var scratch = new ScratchFolder();
        var lines = File.ReadAllLines(VrpBenchmarkFiles.Solomon("C101.txt"));
        lines[20] = lines[20].Replace(" 90", " 9x");
        var path = scratch.File("C101.txt");
        File.WriteAllLines(path, lines);

        var run = CliRun.Of("vrp", "solve", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains($"{path}:21: SERVICE TIME: not a number (value '9x')", run.Stderr);
    }

    [Fact]
    public void Unknown_instance_extension_is_refused()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("C101.json");
        File.WriteAllText(path, "{}");

        var run = CliRun.Of("vrp", "solve", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".txt (Solomon/Homberger) or .vrp (CVRPLIB)", run.Stderr);
    }

    [Fact]
    public void Bench_on_a_missing_folder_fails_with_its_name()
    {
        var run = CliRun.Of("vrp", "bench", "/nonexistent/vrp-folder");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'/nonexistent/vrp-folder' does not exist", run.Stderr);
    }

    [Fact]
    public void Bench_on_a_folder_without_instances_fails()
    {
        using var scratch = new ScratchFolder();
        var run = CliRun.Of("vrp", "bench", scratch.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no .txt or .vrp instance", run.Stderr);
    }
}
