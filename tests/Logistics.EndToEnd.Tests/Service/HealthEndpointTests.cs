using System.Net;
using System.Text.Json;

namespace Logistics.EndToEnd.Tests.Service;

public class HealthEndpointTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetHealth(ServiceProcess service)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        // The checks' details are for admins (anonymous callers get the status only: Service.Tests' HealthVisibilityTests).
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", service.AdminToken);
        var response = await http.GetAsync(new Uri(service.BaseUrl, "/health"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static (string Status, string Description) Check(JsonElement body, string name)
    {
        var check = body.GetProperty("checks").GetProperty(name);
        return (check.GetProperty("status").GetString()!, check.GetProperty("description").GetString()!);
    }

    [Fact]
    public async Task Reports_both_servers_up_and_then_names_InfluxDB_when_it_stops()
    {
        // An InfluxDB of this test's own, so that stopping it leaves the shared test servers alone.
        await using var influx = await PrivateInfluxDb.StartAsync();
        await using var service = await ServiceProcess.StartAsync(ServiceProcess.TestServerConfiguration(new Dictionary<string, string>
        {
            ["InfluxDb__Url"] = influx.Url.ToString(),
            ["InfluxDb__Username"] = influx.User,
            ["InfluxDb__Password"] = influx.Password,
        }));
        try
        {
            await ReportsInfluxDbStoppingAsync(service, influx);
        }
        finally
        {
            await Telemetry.ServiceProbe.CleanUpAsync(service.Configuration);
        }
    }

    private static async Task ReportsInfluxDbStoppingAsync(ServiceProcess service, PrivateInfluxDb influx)
    {
        var (status, body) = await GetHealth(service);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(body, "mosquitto").Status);
        Assert.Equal("Healthy", Check(body, "influxdb").Status);

        await influx.StopAsync();

        (status, body) = await GetHealth(service);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(body, "mosquitto").Status);
        var (influxStatus, description) = Check(body, "influxdb");
        Assert.Equal("Unhealthy", influxStatus);
        Assert.Contains($"Cannot reach InfluxDB at {influx.Url}", description);
    }

    [Fact]
    public async Task Reports_a_refused_MQTT_login_as_such()
    {
        await using var service = await ServiceProcess.StartAsync(ServiceProcess.TestServerConfiguration(
            new Dictionary<string, string> { ["Mqtt__Password"] = "not-the-password" }));

        var (status, body) = await GetHealth(service);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var (mqttStatus, description) = Check(body, "mosquitto");
        Assert.Equal("Unhealthy", mqttStatus);
        Assert.Contains("not authorised", description);
        Assert.Equal("Healthy", Check(body, "influxdb").Status);
    }

    [Fact]
    public async Task Refuses_to_start_without_passwords_and_says_which_settings_are_missing()
    {
        var config = ServiceProcess.TestServerConfiguration();
        config.Remove("Mqtt__Password");
        config.Remove("InfluxDb__Password");
        var run = await ProcessRunner.RunAsync("dotnet", [RepositoryPaths.ProgramDll("Logistics.Service"), "--urls", $"http://127.0.0.1:{FreePort.Next()}"],
            TimeSpan.FromSeconds(30), config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Mqtt:Password is required", run.StandardError);
        Assert.Contains("InfluxDb:Password is required", run.StandardError);
    }
}
