namespace Logistics.Testing;

/// <summary>A Mosquitto of our own (a <see cref="PrivateProfile"/>), for tests that stop and restart
/// the broker.</summary>
public sealed class PrivateMosquitto : IAsyncDisposable
{
    private readonly PrivateProfile _profile;
    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    private PrivateMosquitto()
    {
        Port = FreePort.Next();
        _profile = new PrivateProfile("mqtt", "logistics-mqtt-tests", "mosquitto", Port, FreePort.Next(), trucks: 3);
    }

    public int Port { get; }
    public string ListenerPassword => _settings["LOGISTICS_MQTT_LISTENER_PASSWORD"];

    public string DevicePassword(string truck) =>
        File.ReadAllLines(_settings["LOGISTICS_DEVICES_FILE"]).Skip(1).Select(l => l.Split(',')).Single(f => f[0] == truck)[1];

    public static async Task<PrivateMosquitto> StartAsync()
    {
        var broker = new PrivateMosquitto();
        await broker.StartAgainAsync();
        broker._settings = broker._profile.Settings();
        return broker;
    }

    public Task StopAsync() => _profile.DownAsync();

    public Task StartAgainAsync() => _profile.UpAsync();

    public async ValueTask DisposeAsync() => await _profile.DisposeAsync();
}
