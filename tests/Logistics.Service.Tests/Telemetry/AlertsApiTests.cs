using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Data.Security;
using Xunit;

namespace Logistics.Service.Tests.Telemetry;

/// <summary>Alerts raised by the listener's engine from published readings, then listed, acknowledged and audited.</summary>
public class AlertsApiTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private const string Truck = "T-042";

    [Fact]
    public async Task Qa_acknowledges_an_engine_alert_with_a_comment_and_the_audit_names_both()
    {
        var qa = await host.ClientAsync(Role.Qa, "qa-anna");
        await TruckDevice.WaitForListenerAsync(qa, "T-048");
        await using (var device = await TruckDevice.ConnectAsync(Truck))
        {
            // 28 °C is outside tobacco's warning band (15–25) but inside critical (10–30): a warning after 5 minutes.
            var start = DateTimeOffset.UtcNow.AddHours(-1);
            for (var i = 0; i <= 16; i++) await device.SendAsync(start.AddSeconds(30 * i), [("front", 28, 55)]);
        }
        var page = await Eventually.GetAsync(() => qa.GetFromJsonAsync<JsonElement>($"/api/alerts?truck={Truck}&kind=temperatureExcursion"),
            p => p.GetProperty("total").GetInt32() == 1, "the engine's temperature alert");
        var alert = page.GetProperty("items")[0];
        Assert.Equal("open", alert.GetProperty("state").GetString());
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        Assert.Equal(25, alert.GetProperty("band").GetProperty("max").GetDouble());
        var id = alert.GetProperty("id").GetString();

        var dispatcher = await host.ClientAsync(Role.Dispatcher);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync($"/api/alerts?truck={Truck}&state=open")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { comment = "no" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync($"/api/alerts/{id}/audit")).StatusCode);

        var ack = await qa.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { comment = "Driver closed the vent; checking cartons." });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acknowledged = await ack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acknowledged", acknowledged.GetProperty("state").GetString());
        Assert.Equal("qa-anna", acknowledged.GetProperty("acknowledgedBy").GetString());
        Assert.Equal("Driver closed the vent; checking cartons.", acknowledged.GetProperty("acknowledgeComment").GetString());

        var again = await qa.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { comment = "twice" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("qa-anna", await again.Content.ReadAsStringAsync());

        var audit = (await qa.GetFromJsonAsync<JsonElement>($"/api/alerts/{id}/audit")).EnumerateArray().ToList();
        Assert.Equal(("engine", "opened"), (audit[0].GetProperty("actor").GetString(), audit[0].GetProperty("action").GetString()));
        var last = audit[^1];
        Assert.Equal(("qa-anna", "acknowledged"), (last.GetProperty("actor").GetString(), last.GetProperty("action").GetString()));
        Assert.Equal("Driver closed the vent; checking cartons.", last.GetProperty("comment").GetString());

        var acknowledgedOnly = await qa.GetFromJsonAsync<JsonElement>($"/api/alerts?truck={Truck}&state=acknowledged&limit=1");
        Assert.Equal(id, acknowledgedOnly.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(0, (await qa.GetFromJsonAsync<JsonElement>($"/api/alerts?truck={Truck}&state=open&kind=temperatureExcursion")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("state=closed", "state", "closed")]
    [InlineData("severity=high", "severity", "high")]
    [InlineData("limit=0", "limit", "0")]
    [InlineData("limit=501", "limit", "501")]
    [InlineData("offset=-1", "offset", "-1")]
    [InlineData("from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z", "from", "2026-11-22T10:00:00Z")]
    public async Task Bad_filters_are_400_naming_the_parameter(string query, string field, string value)
    {
        var qa = await host.ClientAsync(Role.Qa);
        await TelemetryApiTests.AssertRejectedAsync(await qa.GetAsync($"/api/alerts?{query}"), field, value);
    }

    [Fact]
    public async Task Unknown_or_malformed_alert_ids_are_404_and_400()
    {
        var qa = await host.ClientAsync(Role.Qa);
        Assert.Equal(HttpStatusCode.NotFound, (await qa.PostAsJsonAsync($"/api/alerts/{Guid.NewGuid()}/acknowledge", new { comment = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qa.GetAsync($"/api/alerts/{Guid.NewGuid()}/audit")).StatusCode);
        await TelemetryApiTests.AssertRejectedAsync(await qa.GetAsync("/api/alerts/not-an-id/audit"), "id", "not-an-id");
    }
}
