using System.Globalization;
using Logistics.Cli.Tests.Vrp;

namespace Logistics.Cli.Tests.Forecasting;

public sealed class ForecastCommandTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string History(string text)
    {
        var path = _folder.File("history.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Forecasts_every_store_and_the_depot_and_prints_a_table_per_method()
    {
        var lines = new List<string> { "store_id,date,cartons" };
        double[] pattern = [1.2, 0.8, 0.9, 1.0, 1.3, 1.0, 0.95, 0.95, 1.05, 1.3, 1.0, 0.75];
        var random = new Random(1);
        foreach (var store in new[] { "S1", "S2", "S3" })
            for (var t = 0; t < 60; t++)
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{store},{new DateOnly(2021, 1, 1).AddMonths(t):yyyy-MM-dd},{Math.Round(100 * pattern[t % 12] * (0.9 + 0.2 * random.NextDouble()))}"));
        lines.Add("S4,2025-11-01,5");
        var output = _folder.File("forecast.csv");
        var report = _folder.File("backtest.csv");

        var run = CliRun.Of("forecast", "--history", History(string.Join("\n", lines)), "--horizon", "3",
            "--methods", "seasonal-naive,ets,tsb", "--out", output, "--backtest", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("4 series, period month, horizon 3; 3 backtested, 1 too short", run.Stdout);
        Assert.Contains("seasonal-naive", run.Stdout);
        Assert.Matches(@"tsb\s+0\s+0\s+-\s+-\s+-\s+-\s+-\s+\d", run.Stdout); // no store is intermittent: dashes, not NaN
        Assert.DoesNotContain("NaN", run.Stdout);
        Assert.Contains("history.csv: series 'S4': only 2 periods of history", run.Stderr);
        var rows = File.ReadAllLines(output);
        Assert.Equal("series,date,forecast,lower80,upper80,lower95,upper95,method", rows[0]);
        Assert.Equal(1 + 5 * 3, rows.Length);
        Assert.StartsWith("S1,2026-01-01,", rows[1]);
        Assert.StartsWith("(depot total),2026-03-01,", rows[^1]);
        Assert.EndsWith(",bottom-up", rows[^1]);
        Assert.Contains(File.ReadAllLines(report), l => l.StartsWith("(all series),ets,", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_history_exits_2_naming_file_row_field_and_value()
    {
        var run = CliRun.Of("forecast", "--history", History("series,date,quantity\nS1,2024-02-30,4\n"), "--horizon", "2",
            "--out", _folder.File("f.csv"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("history.csv row 2, field 'date', value '2024-02-30'", run.Stderr);
        Assert.False(File.Exists(_folder.File("f.csv")));
    }

    [Theory]
    [InlineData("--horizon", "0", "--horizon: '0' must be at least 1")]
    [InlineData("--period", "fortnight", "--period: 'fortnight' is not one of day, week, month, quarter")]
    [InlineData("--missing", "guess", "--missing: 'guess' is not zero or interpolate")]
    [InlineData("--methods", "prophet", "--methods: 'prophet' is not one of")]
    [InlineData("--threads", "0", "--threads: '0' must be from 1 to 64")]
    public void Bad_options_exit_2_with_the_option_and_value(string option, string value, string message)
    {
        var args = new List<string> { "forecast", "--history", History("series,date,quantity\nS1,2024-01-01,4\n"), "--out", _folder.File("f.csv") };
        if (option != "--horizon") args.AddRange(["--horizon", "2"]);
        args.AddRange([option, value]);
        var run = CliRun.Of([.. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }
}
