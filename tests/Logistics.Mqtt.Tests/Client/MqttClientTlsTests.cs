using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Client;

/// <summary>TLS against a fake broker with a self-signed certificate made for the test.</summary>
public class MqttClientTlsTests
{
    private static CancellationToken Limit => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    private static X509Certificate2 SelfSigned(string subject, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], critical: false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(subject);
            request.CertificateExtensions.Add(names.Build());
        }
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }

    [Fact]
    public async Task A_broker_trusted_through_the_validation_callback_is_spoken_to_over_tls_with_a_client_certificate()
    {
        using var serverCertificate = SelfSigned("broker.test", server: true);
        using var clientCertificate = SelfSigned("T-001", server: false);
        await using var broker = new FakeBroker();
        X509Certificate? presented = null;
        var tls = new SslServerAuthenticationOptions
        {
            ServerCertificate = serverCertificate,
            ClientCertificateRequired = true,
            RemoteCertificateValidationCallback = (_, certificate, _, _) => (presented = certificate) is not null,
        };
        await using var client = new MqttClient(broker.Options() with
        {
            Tls = new MqttTlsOptions
            {
                TargetHost = "broker.test",
                // Pin the test's certificate: the name and chain checks are the default's job, shown below.
                ServerCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == serverCertificate.Thumbprint,
                ClientCertificates = [clientCertificate],
            },
        });

        var connecting = client.ConnectAsync(Limit);
        var peer = await broker.AcceptTlsAsync(tls);
        await peer.ReceiveAsync<ConnectPacket>();
        await peer.SendAsync(new ConnackPacket(false, ConnectReturnCode.Accepted));
        await connecting;
        var publishing = client.PublishAsync("fleet/T-001/telemetry", "over tls"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false, Limit).AsTask();
        var publish = await peer.ReceiveAsync<PublishPacket>();
        await peer.SendAsync(new AckPacket(PacketType.Puback, publish.PacketId));
        await publishing.WaitAsync(Limit);

        Assert.Equal("over tls"u8.ToArray(), publish.Payload.ToArray());
        Assert.Equal(clientCertificate.Thumbprint, presented?.GetCertHashString());
    }

    [Fact]
    public async Task An_untrusted_server_certificate_is_refused_by_default_as_a_transport_error()
    {
        using var serverCertificate = SelfSigned("broker.test", server: true);
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(broker.Options() with { Tls = new MqttTlsOptions { TargetHost = "broker.test" } });

        var connecting = client.ConnectAsync(Limit);
        var accepting = broker.AcceptTlsAsync(new SslServerAuthenticationOptions { ServerCertificate = serverCertificate });
        var e = await Assert.ThrowsAsync<MqttTransportException>(() => connecting);
        Assert.Contains($"127.0.0.1:{broker.Port}", e.Message);
        // With TLS 1.3 the server may finish its side before the client refuses; either way no CONNECT,
        // with its credentials, may reach the untrusted server.
        FakePeer? peer = null;
        try { peer = await accepting; }
        catch (Exception x) when (x is IOException or System.Security.Authentication.AuthenticationException) { }
        if (peer is not null) await peer.WaitForCloseAsync(TimeSpan.FromSeconds(5));
    }
}
