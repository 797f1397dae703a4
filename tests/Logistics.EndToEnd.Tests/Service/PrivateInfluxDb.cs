namespace Logistics.EndToEnd.Tests.Service;

/// <summary>An InfluxDB started through scripts/infra.sh under a throw-away profile with free ports,
/// for tests that need to stop it.</summary>
public sealed class PrivateInfluxDb : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _profile;
    private readonly string _runDir;
    private bool _stopped;

    private PrivateInfluxDb(string profile, string runDir, int port)
    {
        _profile = profile;
        _runDir = runDir;
        Url = new Uri($"http://127.0.0.1:{port}");
        _environment = new Dictionary<string, string>
        {
            ["LOGISTICS_RUN_DIR"] = runDir,
            ["LOGISTICS_INFLUX_PORT"] = port.ToString(),
            ["LOGISTICS_INFLUX_RPC_PORT"] = FreePort.Next().ToString(),
            ["LOGISTICS_MQTT_PORT"] = FreePort.Next().ToString(),
            ["LOGISTICS_TRUCKS"] = "1",
        };
    }

    public Uri Url { get; }
    public string User { get; private set; } = "";
    public string Password { get; private set; } = "";

    public static async Task<PrivateInfluxDb> StartAsync()
    {
        var profile = $"e2e-{Guid.NewGuid():N}"[..12];
        var influx = new PrivateInfluxDb(profile, Path.Combine(Path.GetTempPath(), "logistics-e2e-run"), FreePort.Next());
        await influx.InfraAsync("up");
        var env = File.ReadAllLines(Path.Combine(influx._runDir, profile, "infra.env"))
            .Where(l => l.Contains('=') && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        influx.User = env["LOGISTICS_INFLUX_USER"];
        influx.Password = env["LOGISTICS_INFLUX_PASSWORD"];
        return influx;
    }

    public async Task StopAsync()
    {
        await InfraAsync("down");
        _stopped = true;
    }

    private async Task InfraAsync(string action)
    {
        var run = await ProcessRunner.RunAsync(Path.Combine(RepositoryPaths.Root, "scripts", "infra.sh"),
            [action, "--profile", _profile, "influxdb"], TimeSpan.FromSeconds(60), _environment);
        Assert.True(run.ExitCode == 0, $"infra.sh {action} failed ({run.ExitCode}): {run.StandardOutput}{run.StandardError}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped) await StopAsync();
        try { Directory.Delete(Path.Combine(_runDir, _profile), recursive: true); }
        catch (IOException) { }
    }
}
