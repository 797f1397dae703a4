namespace Logistics.Mqtt;

/// <summary>Settings of an <see cref="MqttClient"/>. Immutable; vary it with <c>with</c>.</summary>
public sealed record MqttClientOptions
{
    /// <summary>Leaves the password out of logs.</summary>
    public override string ToString() => $"MqttClientOptions {{ {ClientId}@{Host}:{Port}, user {Username ?? "(none)"}, TLS {(Tls is null ? "off" : "on")} }}";

    public required string Host { get; init; }
    public int Port { get; init; } = 1883;

    /// <summary>1 to 23 characters [0-9a-zA-Z] is what every broker must accept; Mosquitto takes more.</summary>
    public required string ClientId { get; init; }

    /// <summary>False keeps the session (subscriptions and queued QoS 1/2 messages) on the broker
    /// while the client is away.</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>Ping interval when idle, whole seconds, at most 65,535; zero turns keep-alive (and
    /// dead-connection detection) off.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(60);

    public string? Username { get; init; }
    public string? Password { get; init; }
    public MqttWillMessage? Will { get; init; }

    /// <summary>Null for plain TCP.</summary>
    public MqttTlsOptions? Tls { get; init; }

    /// <summary>TCP connect, TLS handshake and CONNACK together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Larger incoming packets are a protocol error that closes the connection, so a broken or
    /// hostile peer cannot make the client allocate without bound.</summary>
    public int MaximumPacketSize { get; init; } = 1024 * 1024;

    /// <summary>Outgoing QoS 1/2 messages awaiting the broker's acknowledgement; PublishAsync waits
    /// for a free slot beyond this.</summary>
    public int MaximumInflight { get; init; } = 100;

    /// <summary>Received messages buffered for the application; when full, the client stops reading
    /// from the socket, which pushes back on the broker.</summary>
    public int ReceiveQueueCapacity { get; init; } = 1000;

    /// <summary>Acknowledge QoS 1/2 messages as soon as they are queued for the application. Off by
    /// default: the application acknowledges after it has stored a message.</summary>
    public bool AutoAcknowledge { get; init; }

    /// <summary>Reconnect after a lost connection, with exponential backoff and jitter between
    /// <see cref="ReconnectMinimumDelay"/> and <see cref="ReconnectMaximumDelay"/>.</summary>
    public bool AutoReconnect { get; init; }

    public TimeSpan ReconnectMinimumDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectMaximumDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host)) Fail(nameof(Host), Host, "must name the broker");
        if (Port is < 1 or > 65535) Fail(nameof(Port), Port, "must be 1..65535");
        if (ClientId is null) Fail(nameof(ClientId), "null", "must be set");
        if (ClientId!.Length == 0 && !CleanSession) Fail(nameof(ClientId), "''", "may be empty only with CleanSession [MQTT-3.1.3-7]");
        if (KeepAlive < TimeSpan.Zero || KeepAlive.TotalSeconds > ushort.MaxValue || KeepAlive.Ticks % TimeSpan.TicksPerSecond != 0)
            Fail(nameof(KeepAlive), KeepAlive, "must be whole seconds, 0..65535");
        if (Password is not null && Username is null) Fail(nameof(Password), "(set)", "needs a Username in MQTT 3.1.1");
        if (ConnectTimeout <= TimeSpan.Zero) Fail(nameof(ConnectTimeout), ConnectTimeout, "must be positive");
        if (MaximumPacketSize < 64) Fail(nameof(MaximumPacketSize), MaximumPacketSize, "must be at least 64 bytes");
        if (MaximumInflight is < 1 or > 65_000) Fail(nameof(MaximumInflight), MaximumInflight, "must be 1..65000");
        if (ReceiveQueueCapacity < 1) Fail(nameof(ReceiveQueueCapacity), ReceiveQueueCapacity, "must be at least 1");
        if (ReconnectMinimumDelay <= TimeSpan.Zero || ReconnectMaximumDelay < ReconnectMinimumDelay)
            Fail(nameof(ReconnectMinimumDelay), $"{ReconnectMinimumDelay}..{ReconnectMaximumDelay}", "must be positive and not above the maximum");
        if (Will is not null && MqttTopic.CheckName(Will.Topic) is { } reason) Fail(nameof(Will), Will.Topic, reason);
    }

    private static void Fail(string name, object? value, string rule) =>
        throw new ArgumentException($"MqttClientOptions.{name} = {value} {rule}.", name);
}
