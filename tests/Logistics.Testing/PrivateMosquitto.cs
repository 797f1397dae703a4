using Xunit;

namespace Logistics.Testing;

/// <summary>A Mosquitto of our own, started through scripts/infra.sh under a throw-away profile with
/// free ports, for tests that stop and restart the broker (never the shared test profile's).</summary>
public sealed class PrivateMosquitto : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _profile = $"mqtt-{Guid.NewGuid():N}"[..13];
    private readonly string _runDir = Path.Combine(Path.GetTempPath(), "logistics-mqtt-tests");
    private Dictionary<string, string> _settings = [];
    private bool _running;

    private PrivateMosquitto()
    {
        Port = FreePort.Next();
        _environment = new Dictionary<string, string>
        {
            ["LOGISTICS_RUN_DIR"] = _runDir,
            ["LOGISTICS_MQTT_PORT"] = Port.ToString(),
            ["LOGISTICS_INFLUX_PORT"] = FreePort.Next().ToString(),
            ["LOGISTICS_INFLUX_RPC_PORT"] = FreePort.Next().ToString(),
            ["LOGISTICS_TRUCKS"] = "3",
        };
    }

    public int Port { get; }
    public string ListenerPassword => _settings["LOGISTICS_MQTT_LISTENER_PASSWORD"];

    public string DevicePassword(string truck) =>
        File.ReadAllLines(_settings["LOGISTICS_DEVICES_FILE"]).Skip(1).Select(l => l.Split(',')).Single(f => f[0] == truck)[1];

    public static async Task<PrivateMosquitto> StartAsync()
    {
        var broker = new PrivateMosquitto();
        await broker.StartAgainAsync();
        broker._settings = File.ReadAllLines(Path.Combine(broker._runDir, broker._profile, "infra.env"))
            .Where(l => l.Contains('=') && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        return broker;
    }

    public async Task StopAsync()
    {
        await InfraAsync("down");
        _running = false;
    }

    public async Task StartAgainAsync()
    {
        await InfraAsync("up");
        _running = true;
    }

    // "down" names both servers: with mosquitto alone, infra.sh stops it but exits 1 (its loop ends on
    // the unmatched influxdb test). InfluxDB was never started here, so it is reported as not running.
    private async Task InfraAsync(string action)
    {
        string[] components = action == "down" ? ["mosquitto", "influxdb"] : ["mosquitto"];
        var run = await ProcessRunner.RunAsync(Path.Combine(RepositoryPaths.Root, "scripts", "infra.sh"),
            [action, "--profile", _profile, .. components], TimeSpan.FromSeconds(60), _environment);
        Assert.True(run.ExitCode == 0, $"infra.sh {action} failed ({run.ExitCode}): {run.StandardOutput}{run.StandardError}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_running) await StopAsync();
        try { Directory.Delete(Path.Combine(_runDir, _profile), recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
