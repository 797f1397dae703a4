using System.ComponentModel.DataAnnotations;

namespace Logistics.Service.Configuration;

/// <summary>The broker the service listens on (section "Mqtt").</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    [Required] public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)] public int Port { get; set; } = 11883;
    [Required] public string Username { get; set; } = "svc.listener";

    [Required(ErrorMessage = "Mqtt:Password is required: set the environment variable Mqtt__Password " +
        "(./run.sh takes it from .run/demo/infra.env, written by scripts/infra.sh up).")]
    public string Password { get; set; } = "";

    /// <summary>Messages the listener's MQTT client reads ahead of the intake (its receive queue); when full, the client
    /// stops reading the socket and the broker holds the rest. A message's wait there counts in the listener's part of
    /// the alert latency; too short a queue makes the intake wait for the client at every refill (README, "Telemetry
    /// under overload").</summary>
    [Range(1, 65535)] public int ReceiveQueueCapacity { get; set; } = 128;
}
