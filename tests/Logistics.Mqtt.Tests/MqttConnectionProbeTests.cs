namespace Logistics.Mqtt.Tests;

/// <summary>Against the test profile's real Mosquitto (started by test.sh).</summary>
public class MqttConnectionProbeTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    [Fact]
    public async Task The_listener_account_is_accepted() =>
        await MqttConnectionProbe.ProbeAsync(TestServers.MqttHost, TestServers.MqttPort, TestServers.ListenerUser, TestServers.ListenerPassword, Timeout);

    [Fact]
    public async Task A_device_account_is_accepted() =>
        await MqttConnectionProbe.ProbeAsync(TestServers.MqttHost, TestServers.MqttPort, "T-007", TestServers.DevicePassword("T-007"), Timeout);

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_typed_error_that_says_so()
    {
        var e = await Assert.ThrowsAsync<MqttConnectionRefusedException>(() =>
            MqttConnectionProbe.ProbeAsync(TestServers.MqttHost, TestServers.MqttPort, "T-007", "not-the-password", Timeout));
        Assert.Equal(ConnectReturnCode.NotAuthorized, e.ReturnCode);
        Assert.Contains("not authorised", e.Message);
    }

    [Fact]
    public async Task An_anonymous_client_is_refused()
    {
        var e = await Assert.ThrowsAsync<MqttConnectionRefusedException>(() =>
            MqttConnectionProbe.ProbeAsync(TestServers.MqttHost, TestServers.MqttPort, null, null, Timeout));
        Assert.Equal(ConnectReturnCode.NotAuthorized, e.ReturnCode);
    }

    [Fact]
    public async Task No_broker_on_the_port_is_a_transport_error_naming_the_address()
    {
        var port = FreePort.Next();
        var e = await Assert.ThrowsAsync<MqttTransportException>(() =>
            MqttConnectionProbe.ProbeAsync("127.0.0.1", port, "u", "p", Timeout));
        Assert.Contains($"127.0.0.1:{port}", e.Message);
    }
}
