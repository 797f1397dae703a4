using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Logistics.Mqtt.Internal;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt;

/// <summary>An MQTT 3.1.1 client that lets the application acknowledge a message after it has
/// stored it. Received messages arrive in <see cref="Messages"/>; QoS 1/2 messages are acknowledged
/// with <see cref="MqttMessage.AcknowledgeAsync"/> (or automatically, see
/// <see cref="MqttClientOptions.AutoAcknowledge"/>).
/// Thread-safe: publish, subscribe and acknowledge may be called concurrently from any thread.
/// <see cref="ConnectAsync"/> is called once; after a lost connection the client reconnects by
/// itself when <see cref="MqttClientOptions.AutoReconnect"/> is on, and otherwise it is finished.</summary>
public sealed class MqttClient : IAsyncDisposable
{
    private const int Fresh = 0, Running = 1, Stopped = 2;

    private readonly MqttClientOptions _options;
    private readonly Channel<MqttMessage> _messages;
    private readonly object _gate = new();
    private readonly PacketIdTable _inflight;
    /// <summary>Incoming QoS 2 packet ids PUBREC'd and not yet released by the broker's PUBREL.</summary>
    private readonly HashSet<ushort> _awaitingPubrel = [];
    private readonly Dictionary<string, MqttQualityOfService> _subscriptions = new(StringComparer.Ordinal);
    private readonly OutgoingWindow _window;
    private readonly OutgoingPublishPool _pool = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<ushort> _onPubrec;
    private MqttConnection? _connection;
    private int _state;
    private long _receiveQueueFullTicks;

    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public MqttClient(MqttClientOptions options)
    {
        options.Validate();
        _options = options;
        _window = new OutgoingWindow(options.MaximumInflight);
        _inflight = new PacketIdTable(Math.Min(options.MaximumInflight, 8));
        _messages = Channel.CreateBounded<MqttMessage>(new BoundedChannelOptions(options.ReceiveQueueCapacity)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _onPubrec = id => { lock (_awaitingPubrel) _awaitingPubrel.Add(id); };
    }

    /// <summary>Raised on the client's own loops when it connects, loses the connection or fails a
    /// reconnect attempt. Handlers must be quick and must not throw; exceptions they throw are ignored.</summary>
    public event EventHandler<MqttConnectionStateChangedEventArgs>? ConnectionStateChanged;

    /// <summary>Messages from the broker, across reconnects. Completes after
    /// <see cref="DisconnectAsync"/>, or with the error when the connection is lost without automatic
    /// reconnect: <c>ReadAllAsync</c> and <c>WaitToReadAsync</c> then throw that
    /// <see cref="MqttException"/> itself (<c>ReadAsync</c> wraps it in ChannelClosedException).</summary>
    public ChannelReader<MqttMessage> Messages => _messages.Reader;

    public bool IsConnected => _connection is { IsClosed: false };

    /// <summary>Messages in the receive queue now, waiting for the application.</summary>
    public int ReceiveQueueCount => _messages.Reader.Count;

    /// <summary>How long, in all, the client stopped reading the socket because its receive queue was full (the
    /// application's back-pressure on the broker), across connections.</summary>
    public TimeSpan ReceiveQueueFullTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _receiveQueueFullTicks));

    /// <summary>QoS 1 and 2 messages of the current connection received and not yet acknowledged to the broker.</summary>
    public int UnacknowledgedCount => _connection?.Acknowledgements.Pending ?? 0;

    /// <summary>Connects and sends CONNECT; returns whether the broker resumed a session.</summary>
    /// <exception cref="MqttConnectionRefusedException">CONNACK refused the connection.</exception>
    /// <exception cref="MqttTransportException">No connection, or no CONNACK within the timeout.</exception>
    /// <exception cref="MqttProtocolException">The broker's answer was not a valid CONNACK.</exception>
    public async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Running, Fresh) != Fresh)
            throw new InvalidOperationException("ConnectAsync is called once per client; it reconnects by itself when MqttClientOptions.AutoReconnect is on.");
        try
        {
            return await ConnectOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.CompareExchange(ref _state, Fresh, Running);
            throw;
        }
    }

    /// <summary>Subscribes to one or more filters in one SUBSCRIBE; returns the QoS the broker granted
    /// per filter. Subscriptions are remembered and made again after a reconnect that finds no session.</summary>
    /// <exception cref="MqttSubscriptionRefusedException">The broker refused one or more filters.</exception>
    /// <exception cref="MqttTransportException">Not connected, or the connection was lost.</exception>
    public async Task<IReadOnlyList<MqttQualityOfService>> SubscribeAsync(IReadOnlyList<MqttTopicSubscription> subscriptions, CancellationToken cancellationToken)
    {
        _ = new SubscribePacket(1, subscriptions); // validates before anything is sent
        var codes = await RequestAsync(RequireConnection(), PacketType.Suback, id => new SubscribePacket(id, subscriptions), cancellationToken).ConfigureAwait(false);
        return Granted(subscriptions, codes, remember: true);
    }

    public Task<IReadOnlyList<MqttQualityOfService>> SubscribeAsync(string filter, MqttQualityOfService qualityOfService, CancellationToken cancellationToken) =>
        SubscribeAsync([new MqttTopicSubscription(filter, qualityOfService)], cancellationToken);

    /// <exception cref="MqttTransportException">Not connected, or the connection was lost.</exception>
    public async Task UnsubscribeAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken)
    {
        _ = new UnsubscribePacket(1, filters);
        await RequestAsync(RequireConnection(), PacketType.Unsuback, id => new UnsubscribePacket(id, filters), cancellationToken).ConfigureAwait(false);
        lock (_gate)
            foreach (var f in filters) _subscriptions.Remove(f);
    }

    /// <summary>Publishes a message. QoS 0 completes once written; QoS 1 when the broker's PUBACK
    /// arrives; QoS 2 when PUBCOMP does. Beyond <see cref="MqttClientOptions.MaximumInflight"/>
    /// unacknowledged messages this waits for a slot. The payload is copied, so the caller may reuse
    /// it at once. Cancellation stops the wait, not the delivery of a message already accepted: with
    /// automatic reconnect an unacknowledged message is sent again (DUP) after a reconnect. With a
    /// token that cannot be cancelled (CancellationToken.None) the QoS 1/2 path allocates nothing.</summary>
    /// <exception cref="ArgumentException">Invalid topic name.</exception>
    /// <exception cref="MqttTransportException">QoS 0 while not connected, or the connection was lost
    /// without automatic reconnect.</exception>
    /// <exception cref="MqttNotConnectedException">The client is not started, or was disconnected or disposed.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qualityOfService, bool retain,
        CancellationToken cancellationToken)
    {
        if (await SendPublishAsync(topic, payload, qualityOfService, retain, cancellationToken).ConfigureAwait(false) is not { } outgoing) return;
        if (!cancellationToken.CanBeCanceled) await outgoing.Completion.ConfigureAwait(false);
        else await outgoing.Completion.AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes as <see cref="PublishAsync"/> does, for a publisher that must not wait for one message's
    /// acknowledgement before it sends the next (the listener's alerts, whose PUBACKs the broker may queue behind a
    /// backlog of deliveries to the same connection): completes once the message is written to the connection (or,
    /// while reconnecting, kept to be sent after it), with a task that completes when the broker acknowledged it
    /// (QoS 0: at once) or fails as <see cref="PublishAsync"/> would.</summary>
    public async Task<Task> PublishWithoutWaitingAsync(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qualityOfService,
        bool retain, CancellationToken cancellationToken) =>
        await SendPublishAsync(topic, payload, qualityOfService, retain, cancellationToken).ConfigureAwait(false) is { } outgoing
            ? outgoing.Completion.AsTask()
            : Task.CompletedTask;

    /// <summary>Writes the message; for QoS 1/2 returns what to await for the broker's acknowledgement (null for QoS 0).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<OutgoingPublish?> SendPublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qualityOfService,
        bool retain, CancellationToken cancellationToken)
    {
        var probe = new PublishPacket(topic, payload, qualityOfService, retain, packetId: qualityOfService == 0 ? (ushort)0 : (ushort)1);
        var size = probe.Size;
        if (Volatile.Read(ref _state) != Running)
            throw new MqttNotConnectedException("The client is not started (call ConnectAsync) or has been disconnected.");
        if (qualityOfService == MqttQualityOfService.AtMostOnce)
        {
            await PublishAtMostOnceAsync(probe, size, cancellationToken).ConfigureAwait(false);
            return null;
        }

        await _window.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
        var outgoing = _pool.Rent();
        MqttConnection? connection;
        lock (_gate)
        {
            if (_state != Running)
            {
                _window.FreeRoom();
                _pool.Return(outgoing);
                throw new MqttTransportException("The client was disconnected.");
            }
            var id = _inflight.Allocate(outgoing);
            outgoing.PacketId = id;
            new PublishPacket(topic, payload, qualityOfService, retain, packetId: id).WriteTo(outgoing.Prepare(qualityOfService, size));
            _window.Add(outgoing);
            connection = _connection;
        }
        if (connection is not null) await SendAsync(connection, outgoing).ConfigureAwait(false);
        return outgoing;
    }

    /// <summary>Drops the connection without DISCONNECT, as a network failure would: the broker
    /// publishes the will. With automatic reconnect the client then reconnects. For fault injection
    /// (simulators, tests).</summary>
    public void AbortConnection() =>
        _connection?.Abort(new MqttTransportException("The application aborted the connection."));

    /// <summary>Sends DISCONNECT (the broker discards the will) and closes the connection. Final:
    /// <see cref="Messages"/> completes, unacknowledged publishes fail, no reconnect follows.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_state == Stopped) return;
            _state = Stopped;
        }
        _stopping.Cancel();
        MqttConnection? connection;
        lock (_gate) connection = _connection;
        if (connection is not null && !connection.IsClosed)
        {
            try
            {
                await connection.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var bytes = new byte[2];
                    EmptyPacket.Disconnect.WriteTo(bytes);
                    await connection.WriteAsync(bytes).ConfigureAwait(false);
                }
                finally
                {
                    connection.WriteLock.Release();
                }
            }
            catch (MqttTransportException)
            {
                // Already gone: there is nobody left to tell.
            }
            finally
            {
                connection.Close(null);
            }
        }
        FailAllOutgoing(new MqttTransportException("The client was disconnected before the broker acknowledged the message."));
        _messages.Writer.TryComplete();
        Raise(MqttConnectionState.Disconnected, false, null, false);
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(_options.ConnectTimeout);
        try
        {
            await DisconnectAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _connection?.Close(null);
        }
    }

    // ---- connecting -----------------------------------------------------------------------------

    private async Task<bool> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        MqttConnection? connection = null;
        bool sessionPresent;
        try
        {
            connection = await MqttConnection.OpenAsync(_options, _onPubrec, timeout.Token).ConfigureAwait(false);
            // The write of CONNECT does not watch the token; a stalled socket is closed under it instead.
            using var stalled = timeout.Token.Register(static state => ((MqttConnection)state!).Close(null), connection);
            var connect = new ConnectPacket(_options.ClientId, _options.CleanSession, (ushort)_options.KeepAlive.TotalSeconds,
                _options.Username, _options.Password, _options.Will);
            await connection.WriteAsync(connect.ToBytes()).ConfigureAwait(false);
            var header = await connection.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            if (header.Type != PacketType.Connack)
                throw new MqttProtocolException($"The broker answered CONNECT with {header.Type} instead of CONNACK.");
            var connack = ConnackPacket.Parse(connection.Reader.Packet);
            if (connack.ReturnCode != ConnectReturnCode.Accepted)
                throw new MqttConnectionRefusedException(connack.ReturnCode);
            sessionPresent = connack.SessionPresent;
        }
        catch (Exception e)
        {
            connection?.Close(e);
            if ((e is OperationCanceledException || timeout.IsCancellationRequested) && !cancellationToken.IsCancellationRequested)
                throw new MqttTransportException($"The MQTT broker at {_options.Host}:{_options.Port} did not accept the connection within {_options.ConnectTimeout.TotalSeconds:0.#} s.", e);
            if (e is IOException or SocketException or ObjectDisposedException)
                throw new MqttTransportException($"The connection to the MQTT broker at {_options.Host}:{_options.Port} failed during CONNECT: {e.Message}", e);
            throw;
        }

        if (!sessionPresent)
            lock (_awaitingPubrel) _awaitingPubrel.Clear();
        await InstallAsync(connection).ConfigureAwait(false);

        // From here on a failure is the receive loop's to report (and to reconnect from): throwing
        // would make the reconnect loop try again next to the loop the loss starts.
        KeyValuePair<string, MqttQualityOfService>[] resubscribe;
        lock (_gate) resubscribe = sessionPresent ? [] : [.. _subscriptions];
        Exception? refusal = null;
        if (resubscribe.Length > 0)
        {
            var list = resubscribe.Select(s => new MqttTopicSubscription(s.Key, s.Value)).ToArray();
            try
            {
                var codes = await RequestAsync(connection, PacketType.Suback, id => new SubscribePacket(id, list), timeout.Token).ConfigureAwait(false);
                Granted(list, codes, remember: false);
            }
            catch (MqttSubscriptionRefusedException e)
            {
                refusal = e;
            }
            catch (MqttException)
            {
                return sessionPresent;
            }
            catch (OperationCanceledException e)
            {
                connection.Close(new MqttTransportException("The broker did not answer the resubscription in time.", e));
                return sessionPresent;
            }
        }
        Raise(MqttConnectionState.Connected, sessionPresent, refusal, false);
        return sessionPresent;
    }

    /// <summary>Makes the connection current and repeats, in their original order, the messages the
    /// broker has not acknowledged (section 4.4), before any new publish can take the write lock.</summary>
    private async Task InstallAsync(MqttConnection connection)
    {
        await connection.WriteLock.WaitAsync(connection.Lifetime).ConfigureAwait(false);
        List<OutgoingPublish> unacknowledged = [];
        try
        {
            lock (_gate)
            {
                if (_state == Stopped)
                {
                    // DisconnectAsync ran while this reconnect was under way.
                    connection.Close(null);
                    return;
                }
                _connection = connection;
                unacknowledged = _window.ToList();
            }
            _ = ReceiveLoopAsync(connection);
            _ = KeepAlive.RunAsync(connection, _options.KeepAlive);
            foreach (var o in unacknowledged)
            {
                ReadOnlyMemory<byte> bytes;
                lock (_gate)
                {
                    if (_inflight[o.PacketId] != o) continue;
                    if (o.Released)
                    {
                        var pubrel = new byte[AckPacket.PacketSize];
                        AckPacket.Write(pubrel, PacketType.Pubrel, o.PacketId);
                        bytes = pubrel;
                    }
                    else
                    {
                        if (o.Sent) PublishPacket.MarkDuplicate(o.Packet.Span);
                        o.Sent = true;
                        bytes = o.Packet;
                    }
                }
                await connection.WriteAsync(bytes).ConfigureAwait(false);
            }
        }
        catch (MqttTransportException)
        {
            // The receive loop sees the same failure and starts the next attempt.
        }
        finally
        {
            connection.WriteLock.Release();
        }
    }

    private async Task ReconnectLoopAsync()
    {
        for (var attempt = 0; !_stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(Backoff(attempt), _stopping.Token).ConfigureAwait(false);
                await ConnectOnceAsync(_stopping.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (MqttException e)
            {
                Raise(MqttConnectionState.Disconnected, false, e, true);
            }
        }
    }

    private TimeSpan Backoff(int attempt) =>
        Backoff(attempt, _options.ReconnectMinimumDelay, _options.ReconnectMaximumDelay, Random.Shared);

    /// <summary>Exponential, capped, with "equal jitter" (half fixed, half random) so that a fleet
    /// of clients cut off together does not come back in one wave.</summary>
    internal static TimeSpan Backoff(int attempt, TimeSpan minimum, TimeSpan maximum, Random random)
    {
        var ceiling = Math.Min(maximum.TotalMilliseconds, minimum.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }

    private void OnConnectionLost(MqttConnection connection, Exception error)
    {
        connection.Close(error);
        var cause = connection.Error ?? error;
        List<PendingRequest> requests = [];
        lock (_gate)
        {
            if (_connection == connection) _connection = null;
            _inflight.RemoveAll(r => r.Connection == connection, requests);
        }
        foreach (var r in requests) r.Fail(cause);
        if (Volatile.Read(ref _state) != Running) return;

        Raise(MqttConnectionState.Disconnected, false, cause, _options.AutoReconnect);
        if (_options.AutoReconnect)
        {
            _ = ReconnectLoopAsync();
            return;
        }
        if (Interlocked.CompareExchange(ref _state, Stopped, Running) != Running) return;
        FailAllOutgoing(cause);
        _messages.Writer.TryComplete(cause);
    }

    // ---- receiving ------------------------------------------------------------------------------

    private async Task ReceiveLoopAsync(MqttConnection connection)
    {
        await Task.Yield();
        Exception error;
        try
        {
            while (true)
            {
                var header = await connection.Reader.ReadAsync(connection.Lifetime).ConfigureAwait(false);
                connection.LastReceived = Environment.TickCount64;
                connection.PingSentAt = 0;
                await DispatchAsync(connection, header).ConfigureAwait(false);
            }
        }
        catch (MqttException e)
        {
            error = e;
        }
        catch (OperationCanceledException e)
        {
            error = connection.Error ?? new MqttTransportException("The connection was closed.", e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            error = connection.Error ?? new MqttTransportException($"The connection to the MQTT broker at {connection.Endpoint} was lost: {e.Message}", e);
        }
        finally
        {
            connection.Reader.Dispose();
        }
        OnConnectionLost(connection, error);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask DispatchAsync(MqttConnection connection, FixedHeader header)
    {
        switch (header.Type)
        {
            case PacketType.Publish:
                await OnPublishAsync(connection, header).ConfigureAwait(false);
                break;
            case PacketType.Puback:
                Complete(AckPacket.Parse(header, connection.Reader.Body).PacketId, MqttQualityOfService.AtLeastOnce);
                break;
            case PacketType.Pubrec:
            {
                var id = AckPacket.Parse(header, connection.Reader.Body).PacketId;
                lock (_gate)
                    if (_inflight[id] is OutgoingPublish { QualityOfService: MqttQualityOfService.ExactlyOnce } o) o.Released = true;
                await connection.SendControlAsync(PacketType.Pubrel, id).ConfigureAwait(false);
                break;
            }
            case PacketType.Pubcomp:
                Complete(AckPacket.Parse(header, connection.Reader.Body).PacketId, MqttQualityOfService.ExactlyOnce);
                break;
            case PacketType.Pubrel:
            {
                var id = AckPacket.Parse(header, connection.Reader.Body).PacketId;
                lock (_awaitingPubrel) _awaitingPubrel.Remove(id);
                await connection.SendControlAsync(PacketType.Pubcomp, id).ConfigureAwait(false);
                break;
            }
            case PacketType.Suback:
            {
                var suback = SubackPacket.Parse(header, connection.Reader.Body);
                AnswerRequest(suback.PacketId, PacketType.Suback, suback.ReturnCodes);
                break;
            }
            case PacketType.Unsuback:
                AnswerRequest(AckPacket.Parse(header, connection.Reader.Body).PacketId, PacketType.Unsuback, []);
                break;
            case PacketType.Pingresp:
                EmptyPacket.Parse(header);
                break;
            default:
                throw new MqttProtocolException($"The broker sent {header.Type}, which a server never sends to a client.");
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask OnPublishAsync(MqttConnection connection, FixedHeader header)
    {
        var publish = PublishPacket.Parse(header, connection.Reader.Body, connection.Topics);
        var sequence = -1L;
        if (publish.QualityOfService == MqttQualityOfService.ExactlyOnce)
        {
            bool seen;
            lock (_awaitingPubrel) seen = _awaitingPubrel.Contains(publish.PacketId);
            if (seen)
            {
                // Delivered and PUBREC'd before; exactly once means it must not reach the application again [MQTT-4.3.3-2].
                await connection.SendControlAsync(PacketType.Pubrec, publish.PacketId).ConfigureAwait(false);
                return;
            }
        }
        if (publish.QualityOfService != MqttQualityOfService.AtMostOnce)
            sequence = connection.Acknowledgements.Add(publish.PacketId, publish.QualityOfService == MqttQualityOfService.ExactlyOnce);
        var message = new MqttMessage(publish.Topic, publish.Payload, publish.QualityOfService, publish.Retain, publish.Duplicate,
            sequence >= 0 ? connection : null, sequence, DateTimeOffset.UtcNow);
        if (!_messages.Writer.TryWrite(message))
        {
            connection.WaitingForApplication = true;
            var waiting = Stopwatch.GetTimestamp();
            try
            {
                await _messages.Writer.WriteAsync(message, connection.Lifetime).ConfigureAwait(false);
            }
            catch (ChannelClosedException e)
            {
                throw new OperationCanceledException("The client is stopping.", e);
            }
            finally
            {
                connection.WaitingForApplication = false;
                connection.LastReceived = Environment.TickCount64;
                Interlocked.Add(ref _receiveQueueFullTicks, Stopwatch.GetTimestamp() - waiting);
            }
        }
        if (_options.AutoAcknowledge && sequence >= 0)
            await connection.AcknowledgeAsync(sequence, CancellationToken.None).ConfigureAwait(false);
    }

    // ---- outgoing state -------------------------------------------------------------------------

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask PublishAtMostOnceAsync(PublishPacket packet, int size, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new MqttTransportException(
            $"Not connected to the MQTT broker at {_options.Host}:{_options.Port}; a QoS 0 message is not kept for a reconnect.");
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            packet.WriteTo(buffer);
            await connection.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await connection.WriteAsync(buffer.AsMemory(0, size)).ConfigureAwait(false);
            }
            finally
            {
                connection.WriteLock.Release();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask SendAsync(MqttConnection connection, OutgoingPublish outgoing)
    {
        try
        {
            await connection.WriteLock.WaitAsync(connection.Lifetime).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // the connection died; a reconnect repeats the message, or the loss handler fails it
        }
        try
        {
            outgoing.Sent = true;
            await connection.WriteAsync(outgoing.Packet).ConfigureAwait(false);
        }
        catch (MqttTransportException)
        {
        }
        finally
        {
            connection.WriteLock.Release();
        }
    }

    private void Complete(ushort packetId, MqttQualityOfService expected)
    {
        OutgoingPublish? done = null;
        lock (_gate)
        {
            if (_inflight[packetId] is OutgoingPublish o && o.QualityOfService == expected)
            {
                _inflight.Remove(packetId, o);
                _window.Remove(o);
                done = o;
            }
        }
        if (done is null) return;
        _window.FreeRoom();
        done.Complete(null);
    }

    private void FailAllOutgoing(Exception error)
    {
        List<OutgoingPublish> failed;
        lock (_gate)
        {
            failed = _window.ToList();
            foreach (var o in failed)
            {
                _inflight.Remove(o.PacketId, o);
                _window.Remove(o);
            }
        }
        foreach (var o in failed)
        {
            _window.FreeRoom();
            o.Complete(error);
        }
    }

    // ---- subscribe / unsubscribe ----------------------------------------------------------------

    private MqttConnection RequireConnection() =>
        _connection is { IsClosed: false } c
            ? c
            : throw new MqttTransportException($"Not connected to the MQTT broker at {_options.Host}:{_options.Port}.");

    private async Task<IReadOnlyList<byte>> RequestAsync(MqttConnection connection, PacketType answer, Func<ushort, IMqttPacket> make,
        CancellationToken cancellationToken)
    {
        var request = new PendingRequest(connection, answer);
        ushort id;
        lock (_gate) id = _inflight.Allocate(request);
        try
        {
            var packet = make(id);
            var bytes = new byte[packet.Size];
            packet.WriteTo(bytes);
            await connection.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await connection.WriteAsync(bytes).ConfigureAwait(false);
            }
            finally
            {
                connection.WriteLock.Release();
            }
            return await request.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
                _inflight.Remove(id, request);
        }
    }

    private void AnswerRequest(ushort packetId, PacketType answer, IReadOnlyList<byte> returnCodes)
    {
        PendingRequest? request = null;
        lock (_gate)
            if (_inflight[packetId] is PendingRequest r && r.Answer == answer)
            {
                _inflight.Remove(packetId, r);
                request = r;
            }
        request?.Complete(returnCodes);
    }

    private IReadOnlyList<MqttQualityOfService> Granted(IReadOnlyList<MqttTopicSubscription> requested, IReadOnlyList<byte> codes, bool remember)
    {
        if (codes.Count != requested.Count)
            throw new MqttProtocolException($"SUBACK has {codes.Count} return codes for {requested.Count} topic filters.");
        var granted = new MqttQualityOfService?[codes.Count];
        List<string> refused = [];
        lock (_gate)
            for (var i = 0; i < codes.Count; i++)
            {
                if (codes[i] == SubackPacket.Failure)
                {
                    refused.Add(requested[i].Filter);
                    continue;
                }
                granted[i] = (MqttQualityOfService)codes[i];
                if (remember) _subscriptions[requested[i].Filter] = requested[i].QualityOfService;
            }
        if (refused.Count > 0) throw new MqttSubscriptionRefusedException(refused, granted);
        return granted.Select(g => g!.Value).ToArray();
    }

    private void Raise(MqttConnectionState state, bool sessionPresent, Exception? error, bool willReconnect)
    {
        try
        {
            ConnectionStateChanged?.Invoke(this, new MqttConnectionStateChangedEventArgs(state, sessionPresent, error, willReconnect));
        }
        catch (Exception)
        {
            // Documented: a throwing handler must not stop the client's loops.
        }
    }
}
