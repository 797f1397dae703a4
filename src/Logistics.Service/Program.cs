using Logistics.Service.Api;
using Logistics.Service.Configuration;
using Logistics.Service.Forecasts;
using Logistics.Service.Health;
using Logistics.Service.History;
using Logistics.Service.Hosting;
using Logistics.Service.Inputs;
using Logistics.Service.Planning;
using Logistics.Service.Security;
using Logistics.Service.Storage;
using Logistics.Service.Telemetry;
using Logistics.Service.WebPages;
using Logistics.Mqtt;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Listener;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddSerilogLogging();
builder.Services.AddLogisticsDatabase();
builder.Services.AddApiSecurity();
builder.Services.AddApiConventions();
builder.Services.AddDayInputs();

builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<InfluxDbOptions>().BindConfiguration(InfluxDbOptions.Section).ValidateDataAnnotations().ValidateOnStart();

builder.Services.AddHttpClient(nameof(InfluxDbClient))
    .ConfigureHttpClient((services, http) =>
        http.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<InfluxDbOptions>>().Value.TimeoutSeconds))
    .AddTypedClient((http, services) =>
    {
        var o = services.GetRequiredService<IOptions<InfluxDbOptions>>().Value;
        return new InfluxDbClient(http, new InfluxDbConnection(new Uri(o.Url), o.Database, o.Username, o.Password),
            new InfluxDbClientOptions { RetentionPolicy = o.RetentionPolicy, Gzip = o.Gzip }, services.GetRequiredService<ILogger<InfluxDbClient>>());
    });
builder.Services.AddTelemetryListener(
    services =>
    {
        var o = services.GetRequiredService<IOptions<MqttOptions>>().Value;
        var listener = services.GetRequiredService<IOptions<ListenerOptions>>().Value;
        return new MqttClientOptions
        {
            Host = o.Host, Port = o.Port, Username = o.Username, Password = o.Password, ClientId = listener.ClientId,
            // A short receive queue: a message waits there (its receipt already stamped) while the alert processor
            // catches up (AlertPace); a longer backlog waits at the broker instead.
            ReceiveQueueCapacity = o.ReceiveQueueCapacity, MaximumInflight = 1000,
        };
    },
    services =>
    {
        var o = services.GetRequiredService<IOptions<InfluxDbOptions>>().Value;
        return new RetentionPolicy(o.RetentionPolicy, TimeSpan.FromDays(o.RetentionDays));
    },
    StorageRegistration.AlertDatabase);
// On PostgreSQL the instances share the listener's partitions through leases; on a SQLite file one instance runs them all.
if (builder.Configuration[$"{DatabaseOptions.Section}:Provider"] == Logistics.Storage.SqlProvider.Postgres)
    builder.Services.AddSingleton<Logistics.Telemetry.Listener.Partitions.IPartitionLeases>(services => new PartitionLeases(
        services.GetRequiredService<Logistics.Data.LogisticsDatabase>(), services.GetRequiredService<Logistics.Data.Jobs.JobInstance>(),
        services.GetRequiredService<IOptions<ListenerOptions>>().Value));
builder.Services.AddServerHealthChecks();
builder.Services.AddWebPages();
builder.Services.AddQualityApi();
builder.Services.AddPlanning();
builder.Services.AddOrderHistory();
builder.Services.AddForecasting();

var app = builder.Build();
app.UseApiErrors();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthApi();
app.MapTelemetryStatsApi();
app.MapWebPages();
app.MapApiDocs();
app.MapInputsApi();
app.MapPlansApi();
app.MapHistoryApi();
app.MapForecastsApi();
app.MapQualityApi();
// Every setting is checked before the host builds its hosted services, which would otherwise stop
// at the first invalid one: the operator gets the whole list at once.
if (ConfigurationErrors.Collect(app.Services.GetRequiredService<IOptions<MqttOptions>>, app.Services.GetRequiredService<IOptions<InfluxDbOptions>>, app.Services.GetRequiredService<IOptions<DatabaseOptions>>, app.Services.GetRequiredService<IOptions<SiteOptions>>,
        app.Services.GetRequiredService<IOptions<ListenerOptions>>, app.Services.GetRequiredService<IOptions<Logistics.Telemetry.Alerts.Configuration.AlertOptions>>)
    is { Count: > 0 } invalid)
{
    Console.Error.WriteLine("The service cannot start because its configuration is invalid:");
    foreach (var error in invalid) Console.Error.WriteLine($"  - {error}");
    return 2;
}
try
{
    app.Run();
    return 0;
}
catch (Exception e) when (ConfigurationErrors.From(e) is { Count: > 0 } errors)
{
    Console.Error.WriteLine("The service cannot start because its configuration is invalid:");
    foreach (var error in errors) Console.Error.WriteLine($"  - {error}");
    return 2;
}

/// <summary>Visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
