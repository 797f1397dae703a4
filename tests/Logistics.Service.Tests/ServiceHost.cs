using System.Net.Http.Headers;
using Logistics.Data.Security;
using Logistics.Mqtt;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Logistics.Service.Tests;

/// <summary>The service in process (WebApplicationFactory) against the test profile's real Mosquitto and
/// InfluxDB, with its own SQLite file, journal, listener session and InfluxDB database, so hosts in
/// parallel never see each other's data. Share one per test class with IClassFixture.</summary>
public class ServiceHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("logistics-api-").FullName;

    /// <summary>The host's own InfluxDB database (created by the service at start).</summary>
    public string InfluxDatabase { get; } = $"api_{Guid.NewGuid():N}";

    public string DataFolder => _folder;

    /// <summary>The listener's MQTT client id: its persistent session is removed when the host is disposed.</summary>
    public string ListenerClientId { get; } = $"api-{Guid.NewGuid():N}"[..20];

    /// <summary>Settings added to (or replacing) the defaults below; set before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mqtt:Host"] = TestServers.MqttHost,
            ["Mqtt:Port"] = TestServers.MqttPort.ToString(),
            ["Mqtt:Username"] = TestServers.ListenerUser,
            ["Mqtt:Password"] = TestServers.ListenerPassword,
            ["InfluxDb:Url"] = TestServers.InfluxUrl.ToString(),
            ["InfluxDb:Username"] = TestServers.InfluxUser,
            ["InfluxDb:Password"] = TestServers.InfluxPassword,
            ["InfluxDb:Database"] = InfluxDatabase,
            ["Listener:ClientId"] = ListenerClientId,
            ["Listener:DataDirectory"] = Path.Combine(_folder, "listener"),
            ["Database:Path"] = Path.Combine(_folder, "logistics.db"),
            ["Log:Directory"] = Path.Combine(_folder, "logs"),
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A client sending a new API key of <paramref name="role"/> (its name: "<paramref name="role"/>-N").</summary>
    public async Task<HttpClient> ClientAsync(string role, string? name = null)
    {
        var client = CreateClient();
        var keys = Services.GetRequiredService<ApiKeyStore>();
        var created = await keys.CreateAsync(name ?? $"{role}-{Guid.NewGuid():N}"[..16], role);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) RemoveServerStateAsync().GetAwaiter().GetResult();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { } // a file the host still held; the temp folder is cleaned by the OS
    }

    private async Task RemoveServerStateAsync()
    {
        try
        {
            await ServerLeftovers.RemoveSessionAsync(TestServers.MqttHost, TestServers.MqttPort, TestServers.ListenerUser,
                TestServers.ListenerPassword, ListenerClientId);
        }
        catch (MqttException) { } // the broker is gone already, and the session with it
        await ServerLeftovers.DropInfluxDatabaseAsync(TestServers.InfluxUrl, TestServers.InfluxUser, TestServers.InfluxPassword, InfluxDatabase);
    }
}
