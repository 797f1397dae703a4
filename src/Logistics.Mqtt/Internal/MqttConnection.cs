using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Internal;

/// <summary>One TCP (or TLS) connection to the broker and the state that dies with it: the packet
/// reader, the write lock, the order of pending acknowledgements, keep-alive timestamps. Writes are
/// serialised by <see cref="WriteLock"/>; every I/O error closes the connection once and surfaces as
/// <see cref="MqttTransportException"/>. Thread-safe.</summary>
internal sealed class MqttConnection
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<ushort> _onPubrec;
    // A group commit's worth of PUBACKs in one write (the listener acknowledges up to a thousand at once).
    private readonly byte[] _ackBuffer = new byte[1024 * AckPacket.PacketSize];
    private readonly byte[] _controlBuffer = new byte[AckPacket.PacketSize];
    private int _state;

    private MqttConnection(Socket socket, Stream stream, string endpoint, int maximumPacketSize, Action<ushort> onPubrec)
    {
        _socket = socket;
        _stream = stream;
        Endpoint = endpoint;
        _onPubrec = onPubrec;
        Reader = new PacketReader(stream, maximumPacketSize);
        LastReceived = LastSent = Environment.TickCount64;
    }

    public string Endpoint { get; }
    public PacketReader Reader { get; }
    public SemaphoreSlim WriteLock { get; } = new(1, 1);
    public AcknowledgementQueue Acknowledgements { get; } = new();
    public TopicNameCache Topics { get; } = new();
    public CancellationToken Lifetime => _lifetime.Token;
    public Task Closed => _closed.Task;
    public bool IsClosed => Volatile.Read(ref _state) != 0;

    /// <summary>Why the connection ended; null after a graceful close.</summary>
    public Exception? Error { get; private set; }

    public long LastSent { get; private set; }
    public long LastReceived { get; set; }

    /// <summary>When the unanswered PINGREQ went out, 0 when none is outstanding.</summary>
    public long PingSentAt { get; set; }

    /// <summary>The receive loop is blocked handing a message to a slow application, so silence on
    /// the socket says nothing about the broker.</summary>
    public bool WaitingForApplication { get; set; }

    /// <exception cref="MqttTransportException">No TCP connection or TLS handshake.</exception>
    public static async Task<MqttConnection> OpenAsync(MqttClientOptions options, Action<ushort> onPubrec, CancellationToken cancellationToken)
    {
        var endpoint = $"{options.Host}:{options.Port}";
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Tls is { } tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = tls.TargetHost ?? options.Host,
                    RemoteCertificateValidationCallback = tls.ServerCertificateValidation,
                    ClientCertificates = tls.ClientCertificates,
                    EnabledSslProtocols = tls.EnabledProtocols,
                }, cancellationToken).ConfigureAwait(false);
            }
            return new MqttConnection(socket, stream, endpoint, options.MaximumPacketSize, onPubrec);
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            Dispose(socket, stream);
            throw new MqttTransportException($"Cannot connect to the MQTT broker at {endpoint}: {e.Message}", e);
        }
        catch
        {
            Dispose(socket, stream);
            throw;
        }
    }

    /// <summary>Writes while the caller holds <see cref="WriteLock"/>.</summary>
    /// <exception cref="MqttTransportException">The connection failed or was closed.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        if (IsClosed) throw Gone();
        try
        {
            await _stream.WriteAsync(bytes, Lifetime).ConfigureAwait(false);
            LastSent = Environment.TickCount64;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Close(new MqttTransportException($"Writing to the MQTT broker at {Endpoint} failed: {e.Message}", e));
            throw Gone();
        }
    }

    /// <summary>Takes the write lock and writes one four-byte acknowledgement (PUBREL, PUBCOMP, a
    /// repeated PUBREC) or a PINGREQ.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendControlAsync(PacketType type, ushort packetId)
    {
        await WriteLock.WaitAsync(Lifetime).ConfigureAwait(false);
        try
        {
            var length = type == PacketType.Pingreq
                ? EmptyPacket.Pingreq.WriteTo(_controlBuffer)
                : AckPacket.Write(_controlBuffer, type, packetId);
            await WriteAsync(_controlBuffer.AsMemory(0, length)).ConfigureAwait(false);
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>Marks the message acknowledged, then sends every acknowledgement that is now due in
    /// arrival order. Nothing is sent (and nothing thrown) once the connection is gone.</summary>
    public ValueTask AcknowledgeAsync(long sequence, CancellationToken cancellationToken) =>
        MarkAcknowledged(sequence) ? SendAcknowledgementsAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Marks the message acknowledged without sending anything yet (see <see cref="SendAcknowledgementsAsync"/>).</summary>
    /// <returns>False when the connection is gone or the message was acknowledged already.</returns>
    public bool MarkAcknowledged(long sequence) => !IsClosed && Acknowledgements.MarkAcknowledged(sequence);

    /// <summary>Sends every acknowledgement that is due in arrival order, as few writes as the buffer allows.
    /// Nothing is sent (and nothing thrown) once the connection is gone.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAcknowledgementsAsync(CancellationToken cancellationToken)
    {
        if (IsClosed) return;
        if (!WriteLock.Wait(0))
        {
            try
            {
                if (!cancellationToken.CanBeCanceled)
                {
                    await WriteLock.WaitAsync(Lifetime).ConfigureAwait(false);
                }
                else
                {
                    using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Lifetime);
                    await WriteLock.WaitAsync(both.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
        try
        {
            int length;
            while (!IsClosed && (length = Acknowledgements.Drain(_ackBuffer, _onPubrec)) > 0)
                await WriteAsync(_ackBuffer.AsMemory(0, length)).ConfigureAwait(false);
        }
        catch (MqttTransportException)
        {
            // The broker redelivers what it has not seen acknowledged; the receive loop reports the loss.
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>Closes the socket; the first call decides <see cref="Error"/>.</summary>
    /// <returns>False when it was closed already.</returns>
    public bool Close(Exception? error)
    {
        if (Interlocked.Exchange(ref _state, 1) != 0) return false;
        Error = error;
        _lifetime.Cancel();
        Dispose(_socket, _stream);
        _closed.TrySetResult();
        return true;
    }

    /// <summary>A close without FIN handshake niceties: the broker sees the socket drop, as after a
    /// network failure, and publishes the will.</summary>
    public void Abort(Exception error)
    {
        try { _socket.LingerState = new LingerOption(true, 0); }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
        Close(error);
    }

    private MqttTransportException Gone() =>
        Error as MqttTransportException ?? new MqttTransportException($"The connection to the MQTT broker at {Endpoint} is closed.", Error);

    private static void Dispose(Socket socket, Stream? stream)
    {
        try { stream?.Dispose(); }
        catch (IOException) { }
        catch (SocketException) { }
        socket.Dispose();
    }
}
