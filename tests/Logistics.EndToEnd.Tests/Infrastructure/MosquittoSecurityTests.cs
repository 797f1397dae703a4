namespace Logistics.EndToEnd.Tests.Infrastructure;

/// <summary>The broker's authentication and per-truck ACL (infra/mosquitto/acl), exercised with the
/// reference clients mosquitto_pub and mosquitto_sub against the test profile's Mosquitto.</summary>
// Its messages (junk payloads on trucks' topics) would reach the listeners of the telemetry tests,
// which count every rejection: never at the same time.
[Collection(Telemetry.TelemetryReliabilityCollection.Name)]
public class MosquittoSecurityTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static string[] Connection(string? user, string? password)
    {
        var args = new List<string> { "-h", TestServers.MqttHost, "-p", TestServers.MqttPort.ToString() };
        if (user is not null) args.AddRange(["-u", user]);
        if (password is not null) args.AddRange(["-P", password]);
        return [.. args];
    }

    private static Task<ProcessResult> Publish(string? user, string? password, string topic, string message) =>
        ProcessRunner.RunAsync("mosquitto_pub", [.. Connection(user, password), "-q", "1", "-t", topic, "-m", message], Limit);

    private static Task<ProcessResult> Device(string truck, string topic, string message) =>
        Publish(truck, TestServers.DevicePassword(truck), topic, message);

    /// <summary>A persistent QoS 1 session that queues what it may read while it is away, so a test
    /// can publish first and look at what was delivered afterwards, without racing a live subscriber.</summary>
    private sealed class QueuedSubscription(string user, string password, string topic)
    {
        private readonly string _clientId = $"e2e-{Guid.NewGuid():N}"[..20];

        private string[] Args(bool persistent, params string[] more) =>
            [.. Connection(user, password), "-i", _clientId, "-q", "1", "-t", topic, .. persistent ? new[] { "-c" } : [], .. more];

        public async Task OpenAsync()
        {
            var r = await ProcessRunner.RunAsync("mosquitto_sub", Args(true, "-E"), Limit);
            Assert.True(r.ExitCode == 0, $"subscribe failed: {r.StandardError}");
        }

        /// <summary>The first <paramref name="count"/> queued messages (fewer if none arrive within 5 s).</summary>
        public async Task<string[]> ReceiveAsync(int count)
        {
            var r = await ProcessRunner.RunAsync("mosquitto_sub", Args(true, "-C", count.ToString(), "-W", "5"), Limit);
            await ProcessRunner.RunAsync("mosquitto_sub", Args(false, "-E"), Limit); // clean session: drop it from the broker
            return r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    [Fact]
    public async Task An_authenticated_device_publishes_its_telemetry_and_the_listener_receives_it()
    {
        var sub = new QueuedSubscription(TestServers.ListenerUser, TestServers.ListenerPassword, "fleet/T-003/telemetry");
        await sub.OpenAsync();
        var message = $"reading-{Guid.NewGuid():N}";

        var pub = await Device("T-003", "fleet/T-003/telemetry", message);

        Assert.Equal(0, pub.ExitCode);
        Assert.Equal([message], await sub.ReceiveAsync(1));
    }

    [Fact]
    public async Task An_anonymous_client_is_refused()
    {
        var r = await Publish(null, null, "fleet/T-003/telemetry", "anonymous");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("not authorised", r.StandardError);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var r = await Publish("T-003", "wrong-password", "fleet/T-003/telemetry", "intruder");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("not authorised", r.StandardError);
    }

    [Fact]
    public async Task A_device_cannot_publish_to_another_trucks_topic()
    {
        var sub = new QueuedSubscription(TestServers.ListenerUser, TestServers.ListenerPassword, "fleet/T-005/telemetry");
        await sub.OpenAsync();

        // MQTT 3.1.1 has no way to refuse a PUBLISH: the broker acknowledges and drops it.
        var forged = await Device("T-004", "fleet/T-005/telemetry", "forged-by-T-004");
        var genuine = await Device("T-005", "fleet/T-005/telemetry", "genuine-from-T-005");

        Assert.Equal(0, forged.ExitCode);
        Assert.Equal(0, genuine.ExitCode);
        Assert.Equal(["genuine-from-T-005"], await sub.ReceiveAsync(2));
    }

    [Fact]
    public async Task A_device_cannot_write_the_alert_topic_of_its_own_truck_but_the_service_can()
    {
        var sub = new QueuedSubscription("T-006", TestServers.DevicePassword("T-006"), "fleet/T-006/alerts");
        await sub.OpenAsync();

        var fromDevice = await Device("T-006", "fleet/T-006/alerts", "self-made alert");
        var fromService = await Publish(TestServers.ListenerUser, TestServers.ListenerPassword, "fleet/T-006/alerts", "cargo too warm");

        Assert.Equal(0, fromDevice.ExitCode);
        Assert.Equal(0, fromService.ExitCode);
        Assert.Equal(["cargo too warm"], await sub.ReceiveAsync(2));
    }

    [Fact]
    public async Task A_device_does_not_receive_another_trucks_alerts()
    {
        var sub = new QueuedSubscription("T-007", TestServers.DevicePassword("T-007"), "fleet/+/alerts");
        await sub.OpenAsync();

        await Publish(TestServers.ListenerUser, TestServers.ListenerPassword, "fleet/T-008/alerts", "for T-008 only");
        await Publish(TestServers.ListenerUser, TestServers.ListenerPassword, "fleet/T-007/alerts", "for T-007");

        Assert.Equal(["for T-007"], await sub.ReceiveAsync(2));
    }
}
