using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Client;

public class ReconnectTests
{
    [Fact]
    public void Backoff_doubles_from_the_minimum_up_to_the_maximum_with_jitter_in_the_upper_half()
    {
        var random = new Random(42);
        var minimum = TimeSpan.FromMilliseconds(100);
        var maximum = TimeSpan.FromSeconds(3);
        double[] ceilings = [100, 200, 400, 800, 1600, 3000, 3000, 3000];
        for (var attempt = 0; attempt < ceilings.Length; attempt++)
        {
            var delays = Enumerable.Range(0, 1000).Select(_ => MqttClient.Backoff(attempt, minimum, maximum, random).TotalMilliseconds).ToArray();
            Assert.All(delays, d => Assert.InRange(d, ceilings[attempt] / 2, ceilings[attempt]));
            Assert.True(delays.Max() - delays.Min() > ceilings[attempt] / 2 * 0.9, $"attempt {attempt}: the jitter should spread over the upper half");
        }
        Assert.InRange(MqttClient.Backoff(10_000, minimum, maximum, random).TotalMilliseconds, 1500, 3000);
    }

    [Fact]
    public async Task Refused_attempts_are_reported_and_retried_until_the_broker_accepts()
    {
        await using var broker = new FakeBroker();
        var events = new List<MqttConnectionStateChangedEventArgs>();
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new MqttClient(broker.Options() with
        {
            AutoReconnect = true, ReconnectMinimumDelay = TimeSpan.FromMilliseconds(20), ReconnectMaximumDelay = TimeSpan.FromMilliseconds(100),
        });
        client.ConnectionStateChanged += (_, e) =>
        {
            lock (events) events.Add(e);
            if (e.State == MqttConnectionState.Connected && events.Count > 1) back.TrySetResult();
        };
        var connecting = client.ConnectAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        var (first, _) = await broker.AcceptClientAsync();
        await connecting;
        first.Dispose();

        for (var refusal = 0; refusal < 2; refusal++)
        {
            var peer = await broker.AcceptAsync();
            await peer.ReceiveAsync<ConnectPacket>();
            await peer.SendAsync(new ConnackPacket(false, ConnectReturnCode.ServerUnavailable));
        }
        await broker.AcceptClientAsync();
        await back.Task.WaitAsync(TimeSpan.FromSeconds(10));

        lock (events)
        {
            Assert.Equal([MqttConnectionState.Connected, MqttConnectionState.Disconnected, MqttConnectionState.Disconnected,
                MqttConnectionState.Disconnected, MqttConnectionState.Connected], events.Select(e => e.State));
            Assert.All(events.Skip(1).Take(3), e => Assert.True(e.WillReconnect));
            Assert.All(events.Skip(2).Take(2), e => Assert.Equal(ConnectReturnCode.ServerUnavailable, Assert.IsType<MqttConnectionRefusedException>(e.Error).ReturnCode));
        }
        Assert.True(client.IsConnected);
    }
}
