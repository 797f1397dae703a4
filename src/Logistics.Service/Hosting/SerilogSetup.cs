using Logistics.Service.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Logistics.Service.Hosting;

public static class SerilogSetup
{
    /// <summary>Console for people, one JSON object per line in daily files for machines; replaces
    /// the default logging providers.</summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LogOptions.Section).Get<LogOptions>() ?? new LogOptions();
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(options.MinimumLevel)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(new JsonFormatter(renderMessage: true), Path.Combine(options.Directory, "service-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: options.RetainedDays,
                fileSizeLimitBytes: 256L * 1024 * 1024, rollOnFileSizeLimit: true)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
