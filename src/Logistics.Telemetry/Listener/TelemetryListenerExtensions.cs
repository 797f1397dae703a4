using Logistics.Mqtt;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;
using Logistics.Telemetry.Alerts.Store;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Listener.Delivery;
using Logistics.Telemetry.Readings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logistics.Telemetry.Listener;

public static class TelemetryListenerExtensions
{
    /// <summary>The telemetry listener as hosted services: intake (MQTT → journal → acknowledgement),
    /// the InfluxDB writer and the alert processor, with the journal, alert engine and alert store
    /// they share. The host provides <see cref="Influx.InfluxDbClient"/>, the listener's MQTT
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
            var o = sp.GetRequiredService<ListenerOptions>();
            return MessageJournal.Open(new JournalOptions
            {
                Directory = Path.Combine(Path.GetFullPath(o.DataDirectory), "journal"),
                SegmentBytes = o.JournalSegmentMegabytes * 1024 * 1024,
                DiskCapBytes = o.JournalDiskCapMegabytes * 1024 * 1024,
            });
        });
        services.AddSingleton(sp => new AlertEngine(sp.GetRequiredService<IOptions<AlertOptions>>().Value, sp.GetRequiredService<ILogger<AlertEngine>>()));
        services.AddSingleton(sp =>
        {
            if (alertDatabase?.Invoke(sp) is { } shared) return AlertStore.OpenAsync(shared).GetAwaiter().GetResult();
            var o = sp.GetRequiredService<ListenerOptions>();
            return AlertStore.OpenAsync(Path.Combine(Path.GetFullPath(o.DataDirectory), "alerts.db")).GetAwaiter().GetResult();
        });
        services.AddSingleton(sp => new ListenerConnection(mqtt(sp), sp.GetRequiredService<ILogger<ListenerConnection>>()));
        services.AddSingleton<AlertPace>();
        services.AddHostedService<MqttIngestor>();
        services.AddHostedService<InfluxWriter>();
        services.AddSingleton<AlertEngineRestore>();
        services.AddSingleton<CabAlertSink>();
        services.AddSingleton<StoreAlertSink>();
        services.AddSingleton<InfluxAlertSink>();
        services.AddSingleton(sp =>
        {
            // The cab first, on its own (the latency a driver sees); then, behind it, the store, the webhook, InfluxDB.
            var records = new List<IAlertSink> { sp.GetRequiredService<StoreAlertSink>() };
            if (sp.GetRequiredService<ListenerOptions>().AlertWebhookUrl is { Length: > 0 } url)
                records.Add(new WebhookAlertSink(url, sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<ILogger<WebhookAlertSink>>()));
            records.Add(sp.GetRequiredService<InfluxAlertSink>());
            return new AlertDelivery(sp.GetRequiredService<CabAlertSink>(), records, sp.GetRequiredService<TelemetryCounters>(),
                sp.GetRequiredService<ILogger<AlertDelivery>>());
        });
        services.AddHostedService<AlertProcessor>();
        return services;
    }

    private sealed class ListenerOptionsValidator : IValidateOptions<ListenerOptions>
    {
        public ValidateOptionsResult Validate(string? name, ListenerOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
