namespace Logistics.Mqtt;

/// <summary>Checks that a broker accepts given credentials: connect with a clean session, then
/// DISCONNECT. Used by health checks; it leaves no session behind on the broker.</summary>
public static class MqttConnectionProbe
{
    /// <exception cref="MqttConnectionRefusedException">The broker answered with a refusal code.</exception>
    /// <exception cref="MqttTransportException">No TCP connection, or it closed before CONNACK.</exception>
    /// <exception cref="MqttProtocolException">The answer was not a CONNACK.</exception>
    public static async Task ProbeAsync(string host, int port, string? username, string? password, CancellationToken cancellationToken)
    {
        await using var client = new MqttClient(new MqttClientOptions
        {
            Host = host,
            Port = port,
            ClientId = $"probe-{Guid.NewGuid():N}"[..23],
            CleanSession = true,
            KeepAlive = TimeSpan.FromSeconds(10),
            Username = username,
            Password = password,
        });
        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(cancellationToken).ConfigureAwait(false);
    }
}
