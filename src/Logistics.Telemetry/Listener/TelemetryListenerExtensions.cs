using Logistics.Mqtt;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;
using Logistics.Telemetry.Alerts.Store;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Listener.Delivery;
using Logistics.Telemetry.Listener.Partitions;
using Logistics.Telemetry.Readings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logistics.Telemetry.Listener;

public static class TelemetryListenerExtensions
{
    /// <summary>The telemetry listener: per partition of the fleet (<see cref="ListenerOptions.Partitions"/>, 1 by
    /// default) intake (MQTT → journal → acknowledgement), the InfluxDB writer and the alert processor with their
    /// journal and alert engine, run by <see cref="PartitionOwner"/>; the alert store is shared. A host that registers
    /// <see cref="IPartitionLeases"/> shares the partitions with other instances. The host provides <see cref="Influx.InfluxDbClient"/>, the listener's MQTT
    /// connection settings and the retention policy.</summary>
    /// <param name="alertDatabase">Where the alert store lives: null for the listener's own SQLite file
    /// (<c>alerts.db</c> in <see cref="ListenerOptions.DataDirectory"/>); the service's PostgreSQL database when
    /// it runs on one.</param>
    public static IServiceCollection AddTelemetryListener(this IServiceCollection services,
        Func<IServiceProvider, MqttClientOptions> mqtt, Func<IServiceProvider, Influx.RetentionPolicy> retention,
        Func<IServiceProvider, Storage.SqlDatabase?>? alertDatabase = null)
    {
        services.AddOptions<ListenerOptions>().BindConfiguration(ListenerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ListenerOptions>, ListenerOptionsValidator>();
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddHttpClient(WebhookAlertSink.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ListenerOptions>>().Value);
        services.AddSingleton(retention);
        services.AddSingleton<TelemetryCounters>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<ListenerOptions>();
            return new TelemetryParser(new TelemetryValidationOptions { MaxPayloadBytes = o.MaxPayloadBytes, Fleet = o.LoadFleet() });
        });
        services.AddSingleton(sp =>
        {
            if (alertDatabase?.Invoke(sp) is { } shared) return AlertStore.OpenAsync(shared).GetAwaiter().GetResult();
            var o = sp.GetRequiredService<ListenerOptions>();
            return AlertStore.OpenAsync(Path.Combine(Path.GetFullPath(o.DataDirectory), "alerts.db")).GetAwaiter().GetResult();
        });
        services.AddSingleton(sp => new ListenerPartitionFactory(
            sp.GetRequiredService<ListenerOptions>(), mqtt(sp), sp.GetRequiredService<IOptions<AlertOptions>>().Value,
            sp.GetRequiredService<Influx.RetentionPolicy>(), sp.GetRequiredService<Influx.InfluxDbClient>(), sp.GetRequiredService<AlertStore>(),
            sp.GetRequiredService<TelemetryParser>(), sp.GetRequiredService<TelemetryCounters>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ListenerPartitions>();
        // The partitions this instance runs: all of them, or (when the host registers IPartitionLeases) its share.
        services.AddHostedService(sp => new PartitionOwner(sp.GetRequiredService<ListenerPartitionFactory>(), sp.GetRequiredService<ListenerPartitions>(),
            sp.GetRequiredService<ListenerOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PartitionOwner>>(),
            sp.GetService<IPartitionLeases>()));
        return services;
    }

    private sealed class ListenerOptionsValidator : IValidateOptions<ListenerOptions>
    {
        public ValidateOptionsResult Validate(string? name, ListenerOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
