using System.Text;

namespace Logistics.Mqtt.Tests.Broker;

/// <summary>Clients and reference-client commands for the test profile's Mosquitto. Each test uses
/// its own trucks and client ids, so test classes can run in parallel against the one broker.</summary>
internal static class BrokerFixture
{
    public static readonly TimeSpan ProcessLimit = TimeSpan.FromSeconds(20);

    public static CancellationToken Limit => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    public static string NewClientId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..23];

    public static MqttClientOptions Listener(string clientId, bool cleanSession = true) => new()
    {
        Host = TestServers.MqttHost,
        Port = TestServers.MqttPort,
        ClientId = clientId,
        CleanSession = cleanSession,
        Username = TestServers.ListenerUser,
        Password = TestServers.ListenerPassword,
        KeepAlive = TimeSpan.FromSeconds(10),
    };

    public static MqttClientOptions Device(string truck, string? clientId = null) => new()
    {
        Host = TestServers.MqttHost,
        Port = TestServers.MqttPort,
        ClientId = clientId ?? NewClientId(truck),
        Username = truck,
        Password = TestServers.DevicePassword(truck),
        KeepAlive = TimeSpan.FromSeconds(10),
    };

    public static string[] Connection(string user, string password) =>
        ["-h", TestServers.MqttHost, "-p", TestServers.MqttPort.ToString(), "-u", user, "-P", password];

    public static async Task MosquittoPubAsync(string truck, string topic, string message, int qos, params string[] more)
    {
        var r = await ProcessRunner.RunAsync("mosquitto_pub",
            [.. Connection(truck, TestServers.DevicePassword(truck)), "-q", qos.ToString(), "-t", topic, "-m", message, .. more], ProcessLimit);
        Assert.True(r.ExitCode == 0, $"mosquitto_pub failed ({r.ExitCode}): {r.StandardError}");
    }

    public static string Text(MqttMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    public static async Task<MqttMessage> NextAsync(MqttClient client)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await client.Messages.ReadAsync(limit.Token);
    }

    public static async Task<MqttClient> ConnectedAsync(MqttClientOptions options)
    {
        var client = new MqttClient(options);
        await client.ConnectAsync(Limit);
        return client;
    }
}
