using System.Net.Sockets;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt;

/// <summary>Checks that a broker accepts given credentials: CONNECT with a clean session, wait for
/// CONNACK, DISCONNECT. Used by health checks; it leaves no session behind on the broker.</summary>
public static class MqttConnectionProbe
{
    /// <exception cref="MqttConnectionRefusedException">The broker answered with a refusal code.</exception>
    /// <exception cref="MqttTransportException">No TCP connection, or it closed before CONNACK.</exception>
    /// <exception cref="MqttProtocolException">The answer was not a CONNACK.</exception>
    public static async Task ProbeAsync(string host, int port, string? username, string? password, CancellationToken cancellationToken)
    {
        using var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            var stream = client.GetStream();
            var clientId = $"probe-{Guid.NewGuid():N}"[..23];
            var connect = new ConnectPacket(clientId, CleanSession: true, KeepAliveSeconds: 10, username, password);
            await stream.WriteAsync(connect.ToBytes(), cancellationToken).ConfigureAwait(false);

            var answer = new byte[ConnackPacket.Size];
            var read = 0;
            while (read < answer.Length)
            {
                var n = await stream.ReadAsync(answer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                    throw new MqttTransportException($"{host}:{port} closed the connection before sending CONNACK.", new EndOfStreamException());
                read += n;
            }
            var connack = ConnackPacket.Parse(answer);
            if (connack.ReturnCode != ConnectReturnCode.Accepted)
                throw new MqttConnectionRefusedException(connack.ReturnCode);

            byte[] disconnect = [(byte)PacketType.Disconnect << 4, 0];
            await stream.WriteAsync(disconnect, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new MqttTransportException($"Cannot reach the MQTT broker at {host}:{port}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new MqttTransportException($"The connection to the MQTT broker at {host}:{port} failed: {e.Message}", e);
        }
    }
}
