using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Internal;

/// <summary>The client's side of MQTT keep-alive on one connection: pings when the client has been quiet (the
/// broker drops a client silent for 1.5 keep-alive periods) or the broker has (to find out whether it is still
/// there), and declares the connection dead when a ping goes unanswered for a whole keep-alive period. The receive
/// loop clears <see cref="MqttConnection.PingSentAt"/> when any packet arrives.</summary>
internal static class KeepAlive
{
    /// <summary>Runs until the connection closes; returns at once when <paramref name="keepAlive"/> is zero (off).</summary>
    public static async Task RunAsync(MqttConnection connection, TimeSpan keepAlive)
    {
        var period = (long)keepAlive.TotalMilliseconds;
        if (period == 0) return;
        var tick = TimeSpan.FromMilliseconds(Math.Max(50, period / 4));
        try
        {
            while (!connection.IsClosed)
            {
                await Task.Delay(tick, connection.Lifetime).ConfigureAwait(false);
                var now = Environment.TickCount64;
                if (connection.PingSentAt != 0)
                {
                    if (connection.WaitingForApplication) connection.PingSentAt = now;
                    else if (now - connection.PingSentAt > period)
                    {
                        connection.Abort(new MqttTransportException(
                            $"The MQTT broker at {connection.Endpoint} did not answer PINGREQ within {period / 1000.0:0.#} s; the connection is dead.",
                            new TimeoutException()));
                        return;
                    }
                    continue;
                }
                if (now - connection.LastSent >= period * 3 / 4 || (now - connection.LastReceived >= period && !connection.WaitingForApplication))
                {
                    connection.PingSentAt = now;
                    await connection.SendControlAsync(PacketType.Pingreq, 0).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (MqttTransportException)
        {
            // The receive loop reports the loss.
        }
    }
}
