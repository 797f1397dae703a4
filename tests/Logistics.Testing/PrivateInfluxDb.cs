namespace Logistics.Testing;

/// <summary>An InfluxDB of our own (a <see cref="PrivateProfile"/>), for tests that stop it and start
/// it again on the same data and credentials.</summary>
public sealed class PrivateInfluxDb : IAsyncDisposable
{
    private readonly PrivateProfile _profile;

    private PrivateInfluxDb()
    {
        var port = FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{port}");
        _profile = new PrivateProfile("e2e", "logistics-e2e-run", "influxdb", FreePort.Next(), port, trucks: 1);
    }

    public Uri Url { get; }
    public string User { get; private set; } = "";
    public string Password { get; private set; } = "";

    public static async Task<PrivateInfluxDb> StartAsync()
    {
        var influx = new PrivateInfluxDb();
        await influx.StartAgainAsync();
        var settings = influx._profile.Settings();
        influx.User = settings["LOGISTICS_INFLUX_USER"];
        influx.Password = settings["LOGISTICS_INFLUX_PASSWORD"];
        return influx;
    }

    public Task StopAsync() => _profile.DownAsync();

    public Task StartAgainAsync() => _profile.UpAsync();

    public async ValueTask DisposeAsync() => await _profile.DisposeAsync();
}
