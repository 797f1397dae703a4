using Logistics.Simulators.Fleet;
using Logistics.Simulators.Fleet.Publishing;

namespace Logistics.Simulators.Tests.Fleet;

public class FleetCommandTests
{
    private static FleetCommand Command(int trucks = 3, string interval = "10s", double? rate = null, string? duration = "1m",
        string[]? faults = null, string? devices = null, string port = "1883", bool dryRun = true) =>
        new(trucks, 1, interval, 1, rate, duration, null, null, "2026-11-22T08:00:00+08:00", faults ?? [], devices, "127.0.0.1", port, null, dryRun);

    private static async Task<(int Code, string Output, string Error)> Run(FleetCommand command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await command.RunAsync(output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_dry_run_prints_every_message_of_the_simulated_minute()
    {
        var (code, output, _) = await Run(Command(trucks: 3, interval: "10s", duration: "1m"));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(0, code);
        Assert.Equal(3 * 6, lines.Length);
        Assert.StartsWith("fleet/T-001/telemetry {\"truck\":\"T-001\",\"seq\":1,\"ts\":\"2026-11-22T00:00:00Z\"", lines[0]);
        Assert.Equal(6, lines.Count(l => l.StartsWith("fleet/T-002/telemetry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Rate_sets_the_interval_across_the_fleet()
    {
        // 4 trucks at 2 messages/s in total: each truck every 2 s.
        var (code, output, _) = await Run(Command(trucks: 4, rate: 2, duration: "20s"));
        Assert.Equal(0, code);
        Assert.Equal(10, output.Split('\n').Count(l => l.StartsWith("fleet/T-003/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0, "10s", "--trucks: 0 is outside 1..10000")]
    [InlineData(10001, "10s", "--trucks: 10001 is outside 1..10000")]
    [InlineData(5, "often", "--interval: 'often' is not a duration (a number with s, m or h")]
    public async Task Bad_options_exit_with_2_and_name_the_option(int trucks, string interval, string expected)
    {
        var (code, _, error) = await Run(Command(trucks: trucks, interval: interval));
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task A_bad_fault_exits_with_2_and_quotes_it()
    {
        var (code, _, error) = await Run(Command(faults: ["melt:T-001@1m"]));
        Assert.Equal(2, code);
        Assert.Contains("--fault 'melt:T-001@1m': unknown kind 'melt'", error);
    }

    [Fact]
    public async Task Publishing_without_a_devices_file_says_where_to_get_one()
    {
        var (code, _, error) = await Run(Command(dryRun: false, devices: null));
        Assert.Equal(2, code);
        Assert.Contains("--devices: no devices file; pass --devices FILE or set LOGISTICS_DEVICES_FILE", error);
    }

    [Fact]
    public async Task A_broken_devices_line_is_named_without_its_password()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "truck,password\nT-001,secret1\nT-002;secret2\n");
            var (code, _, error) = await Run(Command(dryRun: false, devices: file));
            Assert.Equal(2, code);
            Assert.Contains("line 3: expected truck,password, found 'T-002;secret2'", error);

            await File.WriteAllTextAsync(file, "truck,password\nT-001,secret1\nT-002,x,y\n");
            (_, _, error) = await Run(Command(dryRun: false, devices: file));
            Assert.Contains("found 'T-002,…'", error);
            Assert.DoesNotContain("x,y", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_summary_reads_back_from_its_JSON()
    {
        var a = new TruckCounts("T-001");
        a.Acknowledged(3, malformed: false);
        a.Acknowledged(0, malformed: true);
        var b = new TruckCounts("T-002");
        b.Lost();
        var summary = FleetSummary.From([a, b], Scenarios.Start, Scenarios.Start.AddHours(1), TimeSpan.FromSeconds(2));

        var back = FleetSummary.FromJson(summary.ToJson());
        Assert.Equal(new FleetSummary.Row("total", 2, 3, 1, 1), back.Totals);
        Assert.Equal(summary.Trucks, back.Trucks);
        var rows = summary.ToTable().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains("T-001 2 3 1 0", rows);
        Assert.Contains("T-002 0 0 0 1", rows);
        Assert.Contains("total 2 3 1 1", rows);
    }
}
