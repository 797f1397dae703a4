using Logistics.Service.Configuration;
using Logistics.Service.Health;
using Logistics.Service.Hosting;
using Logistics.Telemetry.Influx;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddSerilogLogging();

builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<InfluxDbOptions>().BindConfiguration(InfluxDbOptions.Section).ValidateDataAnnotations().ValidateOnStart();

builder.Services.AddHttpClient(nameof(InfluxDbClient))
    .ConfigureHttpClient((services, http) =>
        http.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<InfluxDbOptions>>().Value.TimeoutSeconds))
    .AddTypedClient((http, services) =>
    {
        var o = services.GetRequiredService<IOptions<InfluxDbOptions>>().Value;
        return new InfluxDbClient(http, new InfluxDbConnection(new Uri(o.Url), o.Database, o.Username, o.Password));
    });
builder.Services.AddServerHealthChecks();

var app = builder.Build();
app.MapHealthApi();
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
