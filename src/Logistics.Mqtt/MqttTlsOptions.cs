using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Logistics.Mqtt;

/// <summary>TLS for the broker connection. Without a validation callback the server certificate is
/// checked against the system's trust store and <see cref="TargetHost"/>.</summary>
public sealed class MqttTlsOptions
{
    /// <summary>The name the server certificate must carry; defaults to the client's host.</summary>
    public string? TargetHost { get; init; }

    /// <summary>Replaces the default validation, e.g. to trust a private CA. Must be thread-safe.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>Client certificates (with private keys) for brokers that require them.</summary>
    public X509CertificateCollection? ClientCertificates { get; init; }

    /// <summary><see cref="SslProtocols.None"/> lets the operating system choose.</summary>
    public SslProtocols EnabledProtocols { get; init; } = SslProtocols.None;
}
