using Xunit;

namespace Logistics.Testing;

/// <summary>A throw-away scripts/infra.sh profile with free ports under the temp folder, for tests that
/// stop and restart a server of their own (never the shared test profile's).</summary>
internal sealed class PrivateProfile
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _name;
    private readonly string _runDir;
    private readonly string _server;

    /// <param name="server">mosquitto or influxdb: the one server this profile runs.</param>
    public PrivateProfile(string prefix, string runDir, string server, int mqttPort, int influxPort, int trucks)
    {
        _name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        _runDir = Path.Combine(Path.GetTempPath(), runDir);
        _server = server;
        _environment = new Dictionary<string, string>
        {
            ["LOGISTICS_RUN_DIR"] = _runDir,
            ["LOGISTICS_MQTT_PORT"] = mqttPort.ToString(),
            ["LOGISTICS_INFLUX_PORT"] = influxPort.ToString(),
            ["LOGISTICS_INFLUX_RPC_PORT"] = FreePort.Next().ToString(),
            ["LOGISTICS_TRUCKS"] = trucks.ToString(),
        };
    }

    public bool Running { get; private set; }

    /// <summary>The profile's infra.env (credentials, devices file), once it was started.</summary>
    public IReadOnlyDictionary<string, string> Settings() =>
        File.ReadAllLines(Path.Combine(_runDir, _name, "infra.env"))
            .Where(l => l.Contains('=') && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);

    public async Task UpAsync()
    {
        await InfraAsync("up", [_server]);
        Running = true;
    }

    // "down" names both servers: with one alone, infra.sh stops it but exits 1 (its loop ends on the
    // other, unmatched one). The other was never started here, so it is reported as not running.
    public async Task DownAsync()
    {
        await InfraAsync("down", ["mosquitto", "influxdb"]);
        Running = false;
    }

    private async Task InfraAsync(string action, string[] servers)
    {
        var run = await ProcessRunner.RunAsync(Path.Combine(RepositoryPaths.Root, "scripts", "infra.sh"),
            [action, "--profile", _name, .. servers], TimeSpan.FromSeconds(90), _environment);
        Assert.True(run.ExitCode == 0, $"infra.sh {action} failed ({run.ExitCode}): {run.StandardOutput}{run.StandardError}");
    }

    /// <summary>Stops what still runs and deletes the profile's folder.</summary>
    public async Task DisposeAsync()
    {
        if (Running) await DownAsync();
        try { Directory.Delete(Path.Combine(_runDir, _name), recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
