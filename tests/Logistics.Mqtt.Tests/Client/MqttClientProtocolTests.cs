using System.Text;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Client;

/// <summary>The client against <see cref="FakeBroker"/>: the packet flows of the standard, byte by byte.</summary>
public class MqttClientProtocolTests
{
    private static CancellationToken Limit => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    private static async Task<MqttMessage> NextAsync(MqttClient client) => await client.Messages.ReadAsync(Limit);

    private static PublishPacket Publish(string payload, MqttQualityOfService qos, ushort id, bool dup = false) =>
        new("fleet/T-001/telemetry", Encoding.UTF8.GetBytes(payload), qos, duplicate: dup, packetId: id);

    [Fact]
    public async Task Connect_carries_the_options_and_a_refusal_becomes_a_typed_error()
    {
        await using var broker = new FakeBroker();
        var will = new MqttWillMessage("fleet/T-001/status", "offline"u8.ToArray(), MqttQualityOfService.AtLeastOnce, true);
        var options = new MqttClientOptions
        {
            Host = "127.0.0.1", Port = broker.Port, ClientId = "T-001", CleanSession = false, KeepAlive = TimeSpan.FromSeconds(30),
            Username = "T-001", Password = "pw", Will = will,
        };
        await using var refused = new MqttClient(options);
        var connecting = refused.ConnectAsync(Limit);
        var peer = await broker.AcceptAsync();
        var connect = await peer.ReceiveAsync<ConnectPacket>();
        await peer.SendAsync(new ConnackPacket(false, ConnectReturnCode.BadUsernameOrPassword));

        var e = await Assert.ThrowsAsync<MqttConnectionRefusedException>(() => connecting);
        Assert.Equal(ConnectReturnCode.BadUsernameOrPassword, e.ReturnCode);
        Assert.Contains("bad user name or password", e.Message);
        Assert.Equal(("T-001", false, (ushort)30, "T-001", "pw"), (connect.ClientId, connect.CleanSession, connect.KeepAliveSeconds, connect.Username, connect.Password));
        Assert.Equal(will.Topic, connect.Will!.Topic);
        Assert.True(connect.Will.Retain);
    }

    [Fact]
    public async Task A_broker_that_never_answers_connect_is_a_transport_error_within_the_timeout()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(new MqttClientOptions
        {
            Host = "127.0.0.1", Port = broker.Port, ClientId = "c", ConnectTimeout = TimeSpan.FromMilliseconds(500),
        });
        var connecting = client.ConnectAsync(Limit);
        using var peer = await broker.AcceptAsync();
        var e = await Assert.ThrowsAsync<MqttTransportException>(() => connecting);
        Assert.Contains("did not accept the connection within 0.5 s", e.Message);
    }

    [Fact]
    public async Task Puback_waits_for_the_application_and_leaves_in_arrival_order()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options());
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        for (ushort id = 1; id <= 3; id++) await peer.SendAsync(Publish($"m{id}", MqttQualityOfService.AtLeastOnce, id));
        var m1 = await NextAsync(client);
        var m2 = await NextAsync(client);
        var m3 = await NextAsync(client);
        Assert.Equal(["m1", "m2", "m3"], new[] { m1, m2, m3 }.Select(m => Encoding.UTF8.GetString(m.Payload.Span)));

        await m3.AcknowledgeAsync(Limit); // held back: m1 and m2 are not acknowledged yet
        await m1.AcknowledgeAsync(Limit);
        Assert.Equal(new AckPacket(PacketType.Puback, 1), await peer.ReceiveAsync());
        await m2.AcknowledgeAsync(Limit);
        Assert.Equal(new AckPacket(PacketType.Puback, 2), await peer.ReceiveAsync());
        Assert.Equal(new AckPacket(PacketType.Puback, 3), await peer.ReceiveAsync());
    }

    [Fact]
    public async Task Acknowledging_several_at_once_sends_what_is_due_in_arrival_order()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options());
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        for (ushort id = 1; id <= 5; id++) await peer.SendAsync(Publish($"m{id}", MqttQualityOfService.AtLeastOnce, id));
        var messages = new List<MqttMessage>();
        for (var i = 0; i < 5; i++) messages.Add(await NextAsync(client));

        await MqttMessage.AcknowledgeAllAsync([messages[1], messages[2]], Limit); // held back: m1 is not acknowledged yet
        await MqttMessage.AcknowledgeAllAsync([messages[3], messages[0], messages[0]], Limit);
        for (ushort id = 1; id <= 4; id++) Assert.Equal(new AckPacket(PacketType.Puback, id), await peer.ReceiveAsync());
        await messages[4].AcknowledgeAsync(Limit);
        Assert.Equal(new AckPacket(PacketType.Puback, 5), await peer.ReceiveAsync());
    }

    [Fact]
    public async Task Qos2_in_sends_pubrec_on_acknowledgement_pubcomp_on_pubrel_and_never_delivers_a_duplicate()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options());
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        await peer.SendAsync(Publish("once", MqttQualityOfService.ExactlyOnce, 5));
        var message = await NextAsync(client);
        Assert.Equal(MqttQualityOfService.ExactlyOnce, message.QualityOfService);
        await message.AcknowledgeAsync(Limit);
        Assert.Equal(new AckPacket(PacketType.Pubrec, 5), await peer.ReceiveAsync());

        await peer.SendAsync(Publish("once", MqttQualityOfService.ExactlyOnce, 5, dup: true));
        Assert.Equal(new AckPacket(PacketType.Pubrec, 5), await peer.ReceiveAsync());
        await peer.SendAsync(new AckPacket(PacketType.Pubrel, 5));
        Assert.Equal(new AckPacket(PacketType.Pubcomp, 5), await peer.ReceiveAsync());

        await peer.SendAsync(Publish("marker", MqttQualityOfService.AtMostOnce, 0));
        Assert.Equal("marker", Encoding.UTF8.GetString((await NextAsync(client)).Payload.Span));
    }

    [Fact]
    public async Task Automatic_acknowledgement_sends_puback_without_the_application()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options() with { AutoAcknowledge = true });
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        await peer.SendAsync(Publish("auto", MqttQualityOfService.AtLeastOnce, 9));
        Assert.Equal(new AckPacket(PacketType.Puback, 9), await peer.ReceiveAsync());
        var message = await NextAsync(client);
        await message.AcknowledgeAsync(Limit); // harmless
    }

    [Fact]
    public async Task Outgoing_qos1_and_qos2_complete_on_puback_and_pubcomp()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options());
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        var one = client.PublishAsync("fleet/T-001/telemetry", "q1"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false, Limit).AsTask();
        var p1 = await peer.ReceiveAsync<PublishPacket>();
        Assert.Equal((MqttQualityOfService.AtLeastOnce, false), (p1.QualityOfService, p1.Duplicate));
        Assert.False(one.IsCompleted);
        await peer.SendAsync(new AckPacket(PacketType.Puback, p1.PacketId));
        await one.WaitAsync(Limit);

        var two = client.PublishAsync("fleet/T-001/telemetry", "q2"u8.ToArray(), MqttQualityOfService.ExactlyOnce, true, Limit).AsTask();
        var p2 = await peer.ReceiveAsync<PublishPacket>();
        Assert.True(p2.Retain);
        Assert.NotEqual(p1.PacketId, p2.PacketId);
        await peer.SendAsync(new AckPacket(PacketType.Pubrec, p2.PacketId));
        Assert.Equal(new AckPacket(PacketType.Pubrel, p2.PacketId), await peer.ReceiveAsync());
        Assert.False(two.IsCompleted);
        await peer.SendAsync(new AckPacket(PacketType.Pubcomp, p2.PacketId));
        await two.WaitAsync(Limit);
    }

    [Fact]
    public async Task The_inflight_window_holds_back_publishes_beyond_its_size()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options() with { MaximumInflight = 2 });
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        var publishes = Enumerable.Range(1, 3)
            .Select(i => client.PublishAsync("a/b", new[] { (byte)i }, MqttQualityOfService.AtLeastOnce, false, Limit).AsTask()).ToArray();
        var subscribing = client.SubscribeAsync("x/y", MqttQualityOfService.AtMostOnce, Limit);
        var first = await peer.ReceiveAsync<PublishPacket>();
        var second = await peer.ReceiveAsync<PublishPacket>();
        var subscribe = await peer.ReceiveAsync<SubscribePacket>(); // the third publish is not on the wire before this
        await peer.SendAsync(new SubackPacket(subscribe.PacketId, [0]));
        await subscribing;
        Assert.False(publishes[2].IsCompleted);

        await peer.SendAsync(new AckPacket(PacketType.Puback, first.PacketId));
        var third = await peer.ReceiveAsync<PublishPacket>();
        Assert.Equal(new byte[] { 3 }, third.Payload.ToArray());
        await peer.SendAsync(new AckPacket(PacketType.Puback, second.PacketId));
        await peer.SendAsync(new AckPacket(PacketType.Puback, third.PacketId));
        await Task.WhenAll(publishes).WaitAsync(Limit);
    }

    [Fact]
    public async Task A_refused_filter_in_suback_is_reported_by_name()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options());
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        var subscribing = client.SubscribeAsync([new("fleet/+/telemetry", MqttQualityOfService.AtLeastOnce), new("fleet/T-002/alerts", MqttQualityOfService.AtLeastOnce)], Limit);
        var subscribe = await peer.ReceiveAsync<SubscribePacket>();
        Assert.Equal(2, subscribe.Subscriptions.Count);
        await peer.SendAsync(new SubackPacket(subscribe.PacketId, [1, SubackPacket.Failure]));

        var e = await Assert.ThrowsAsync<MqttSubscriptionRefusedException>(() => subscribing);
        Assert.Equal(["fleet/T-002/alerts"], e.RefusedFilters);
        Assert.Equal([MqttQualityOfService.AtLeastOnce, null], e.Granted);
        Assert.Contains("'fleet/T-002/alerts'", e.Message);
    }

    public static TheoryData<string, byte[]> MalformedFromBroker => new()
    {
        { "4 bytes", [0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
        { "maximum packet size", [0x30, 0xFF, 0xFF, 0x7F] },
        { "UTF-8", [0x30, 0x05, 0x00, 0x02, 0xC3, 0x28, 0x41] },
        { "reserved", [0x42, 0x02, 0x00, 0x01] },
        { "never sends to a client", [0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 0x61, 0x00] },
        { "QoS 3", [0x36, 0x05, 0x00, 0x01, 0x61, 0x00, 0x01] },
    };

    [Theory]
    [MemberData(nameof(MalformedFromBroker))]
    public async Task Malformed_input_from_the_broker_closes_the_connection_with_a_protocol_error(string expected, byte[] bytes)
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options() with { MaximumPacketSize = 64 * 1024 });
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        await peer.SendAsync(bytes);
        var e = await Assert.ThrowsAsync<MqttProtocolException>(async () => await client.Messages.WaitToReadAsync(Limit));
        Assert.Contains(expected, e.Message);
        await peer.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task A_packet_cut_off_by_the_broker_closing_is_a_transport_error()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options());
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        await peer.SendAsync([0x32, 0x20, 0x00, 0x01]);
        peer.Dispose();
        var e = await Assert.ThrowsAsync<MqttTransportException>(async () => await client.Messages.WaitToReadAsync(Limit));
        Assert.Contains("closed", e.Message);
    }

    [Fact]
    public async Task A_broker_that_stops_answering_pings_is_declared_dead()
    {
        await using var broker = new FakeBroker();
        var lost = new TaskCompletionSource<MqttConnectionStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new MqttClient(broker.Options() with { KeepAlive = TimeSpan.FromSeconds(1) });
        client.ConnectionStateChanged += (_, e) => { if (e.State == MqttConnectionState.Disconnected) lost.TrySetResult(e); };
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        Assert.IsType<EmptyPacket>(await peer.ReceiveAsync()); // the PINGREQ, left unanswered
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = await lost.Task.WaitAsync(Limit);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3));
        Assert.Contains("did not answer PINGREQ", e.Error!.Message);
        Assert.False(e.WillReconnect);
    }

    [Fact]
    public async Task After_a_reconnect_unacknowledged_publishes_are_repeated_with_dup_and_subscriptions_are_made_again()
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options() with
        {
            AutoReconnect = true, ReconnectMinimumDelay = TimeSpan.FromMilliseconds(50), ReconnectMaximumDelay = TimeSpan.FromMilliseconds(200),
        });
        var connecting = client.ConnectAsync(Limit);
        var (first, _) = await broker.AcceptClientAsync();
        await connecting;
        var subscribing = client.SubscribeAsync("fleet/+/alerts", MqttQualityOfService.AtLeastOnce, Limit);
        var subscribe = await first.ReceiveAsync<SubscribePacket>();
        await first.SendAsync(new SubackPacket(subscribe.PacketId, [1]));
        await subscribing;

        var qos1 = client.PublishAsync("fleet/T-001/telemetry", "r1"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false, Limit).AsTask();
        var qos2 = client.PublishAsync("fleet/T-001/telemetry", "r2"u8.ToArray(), MqttQualityOfService.ExactlyOnce, false, Limit).AsTask();
        var sent1 = await first.ReceiveAsync<PublishPacket>();
        var sent2 = await first.ReceiveAsync<PublishPacket>();
        await first.SendAsync(new AckPacket(PacketType.Pubrec, sent2.PacketId));
        Assert.Equal(new AckPacket(PacketType.Pubrel, sent2.PacketId), await first.ReceiveAsync());
        first.Dispose(); // the connection drops before PUBACK and PUBCOMP

        var (second, reconnect) = await broker.AcceptClientAsync(sessionPresent: false);
        Assert.Equal("fake-client", reconnect.ClientId);
        var resent = await second.ReceiveAsync<PublishPacket>();
        Assert.Equal((sent1.PacketId, true, "r1"), (resent.PacketId, resent.Duplicate, Encoding.UTF8.GetString(resent.Payload.Span)));
        Assert.Equal(new AckPacket(PacketType.Pubrel, sent2.PacketId), await second.ReceiveAsync());
        var resubscribe = await second.ReceiveAsync<SubscribePacket>();
        Assert.Equal([new MqttTopicSubscription("fleet/+/alerts", MqttQualityOfService.AtLeastOnce)], resubscribe.Subscriptions);
        await second.SendAsync(new SubackPacket(resubscribe.PacketId, [1]));
        Assert.False(qos1.IsCompleted || qos2.IsCompleted);

        await second.SendAsync(new AckPacket(PacketType.Puback, sent1.PacketId));
        await second.SendAsync(new AckPacket(PacketType.Pubcomp, sent2.PacketId));
        await Task.WhenAll(qos1, qos2).WaitAsync(Limit);
    }

    [Fact]
    public async Task Disconnect_sends_disconnect_and_completes_the_message_stream()
    {
        await using var broker = new FakeBroker();
        var client = new MqttClient(broker.Options());
        var connecting = client.ConnectAsync(Limit);
        var (peer, _) = await broker.AcceptClientAsync();
        await connecting;

        await client.DisconnectAsync(Limit);
        Assert.Equal(EmptyPacket.Disconnect, await peer.ReceiveAsync());
        await client.Messages.Completion.WaitAsync(Limit);
        await Assert.ThrowsAsync<MqttNotConnectedException>(() => client.PublishAsync("a", default, MqttQualityOfService.AtMostOnce, false, Limit).AsTask());
    }
}
