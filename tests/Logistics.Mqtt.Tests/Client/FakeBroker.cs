using System.Net.Security;
using System.Net;
using System.Net.Sockets;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Client;

/// <summary>A scripted MQTT server on a loopback port: the test decides every byte it sends, so it
/// can misbehave in ways a real broker will not.</summary>
internal sealed class FakeBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<FakePeer> _peers = [];

    public FakeBroker() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public MqttClientOptions Options(string clientId = "fake-client") => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        ClientId = clientId,
        KeepAlive = TimeSpan.Zero,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    public async Task<FakePeer> AcceptAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var client = await _listener.AcceptTcpClientAsync(limit.Token);
        var peer = new FakePeer(client, client.GetStream());
        _peers.Add(peer);
        return peer;
    }

    /// <summary>Accepts a connection and completes the TLS handshake as the server.</summary>
    public async Task<FakePeer> AcceptTlsAsync(SslServerAuthenticationOptions tls)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var client = await _listener.AcceptTcpClientAsync(limit.Token);
        var ssl = new SslStream(client.GetStream());
        var peer = new FakePeer(client, ssl);
        _peers.Add(peer);
        await ssl.AuthenticateAsServerAsync(tls, limit.Token);
        return peer;
    }

    /// <summary>Accepts a connection, reads its CONNECT and answers CONNACK.</summary>
    public async Task<(FakePeer Peer, ConnectPacket Connect)> AcceptClientAsync(bool sessionPresent = false)
    {
        var peer = await AcceptAsync();
        var connect = await peer.ReceiveAsync<ConnectPacket>();
        await peer.SendAsync(new ConnackPacket(sessionPresent, ConnectReturnCode.Accepted));
        return (peer, connect);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var p in _peers) p.Dispose();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}

internal sealed class FakePeer(TcpClient client, Stream stream) : IDisposable
{
    private readonly Stream _stream = stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;

    public async Task<IMqttPacket> ReceiveAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var packet = PacketDecoder.Decode(_buffer.AsSpan(0, _length), _buffer.Length, out var consumed);
            if (packet is not null)
            {
                Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
                _length -= consumed;
                return packet;
            }
            var read = await _stream.ReadAsync(_buffer.AsMemory(_length), limit.Token);
            if (read == 0) throw new EndOfStreamException("the client closed the connection");
            _length += read;
        }
    }

    public async Task<T> ReceiveAsync<T>() where T : IMqttPacket => Assert.IsType<T>(await ReceiveAsync());

    /// <summary>Completes when the client closes the connection; fails if it sends anything first.</summary>
    public async Task WaitForCloseAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        try
        {
            while (true)
            {
                var packet = PacketDecoder.Decode(_buffer.AsSpan(0, _length), _buffer.Length, out _);
                if (packet is not null && packet.Type != PacketType.Pingreq) Assert.Fail($"expected the close, got {packet.Type}");
                _length = 0;
                if (await _stream.ReadAsync(_buffer, cts.Token) == 0) return;
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Reads and discards <paramref name="bytes"/> bytes without decoding (and without allocating).</summary>
    public async Task DrainAsync(int bytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (bytes > 0)
        {
            var read = await _stream.ReadAsync(buffer.AsMemory(0, Math.Min(bytes, buffer.Length)), cancellationToken);
            if (read == 0) throw new EndOfStreamException("the client closed the connection");
            bytes -= read;
        }
    }

    public Task SendAsync(IMqttPacket packet)
    {
        var bytes = new byte[packet.Size];
        packet.WriteTo(bytes);
        return SendAsync(bytes);
    }

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    public void Dispose()
    {
        _stream.Dispose();
        client.Dispose();
    }
}
