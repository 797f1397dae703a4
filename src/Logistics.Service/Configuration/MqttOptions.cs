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
}
