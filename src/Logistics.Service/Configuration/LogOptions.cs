using Serilog.Events;

namespace Logistics.Service.Configuration;

/// <summary>Where and how much the service logs (section "Log").</summary>
public sealed class LogOptions
{
    public const string Section = "Log";

    /// <summary>Folder of the rolling JSON log files; relative paths are below the working directory.</summary>
    public string Directory { get; set; } = "logs";
    public LogEventLevel MinimumLevel { get; set; } = LogEventLevel.Information;
    public int RetainedDays { get; set; } = 30;
}
