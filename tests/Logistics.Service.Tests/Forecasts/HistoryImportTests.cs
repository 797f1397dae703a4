using System.Net;
using System.Text.Json;
using Logistics.Data.Security;
using Logistics.Service.Tests.Inputs;

namespace Logistics.Service.Tests.Forecasts;

public class HistoryImportTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task A_history_csv_is_saved_summed_per_series_and_date_and_read_back_per_series_and_as_a_summary()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var csv = HistorySamples.Csv() + "S1,2025-12-01,4\n"; // a second row on a date is added to the first

        var imported = await InputSamples.JsonAsync(await client.PutAsync("/api/history", InputSamples.Csv(csv)));

        Assert.Equal(HistorySamples.Rows(), imported.GetProperty("imported").GetInt32());
        Assert.Equal(4, imported.GetProperty("series").GetInt32());
        var summary = await InputSamples.JsonAsync(await client.GetAsync("/api/history"));
        Assert.Equal(4, summary.GetProperty("series").GetInt32());
        Assert.Equal(HistorySamples.Rows(), summary.GetProperty("rows").GetInt32());
        Assert.Equal("2023-01-01", summary.GetProperty("first").GetString());
        Assert.Equal("2025-12-01", summary.GetProperty("last").GetString());
        Assert.Equal(["S1", "S2", "S3", "S9"], summary.GetProperty("seriesIds").EnumerateArray().Select(e => e.GetString()));

        var qa = await host.ClientAsync(Role.Qa);
        var s1 = await InputSamples.JsonAsync(await qa.GetAsync("/api/history?series=S1"));
        var rows = s1.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(HistorySamples.Months, rows.Count);
        Assert.Equal("2025-12-01", rows[^1].GetProperty("date").GetString());
        Assert.Equal(HistorySamples.Cartons("S1", new DateOnly(2025, 12, 1), 35) + 4, rows[^1].GetProperty("quantity").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, (await qa.GetAsync("/api/history?series=S404")).StatusCode);
    }

    [Fact]
    public async Task Post_appends_rows_or_replaces_only_the_series_it_names()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        await ForecastApiClient.PutHistoryAsync(client, HistorySamples.Csv());

        var appended = await InputSamples.JsonAsync(await client.PostAsync("/api/history",
            InputSamples.Json(new[] { new { series = "S2", date = "2026-01-01", quantity = 70.0 }, new { series = "S2", date = "2025-12-01", quantity = 1.0 } })));
        Assert.Equal("append", appended.GetProperty("mode").GetString());
        var s2 = await InputSamples.JsonAsync(await client.GetAsync("/api/history?series=S2"));
        Assert.Equal(HistorySamples.Months + 1, s2.GetProperty("rows").GetArrayLength());
        Assert.Equal(1.0, s2.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("date").GetString() == "2025-12-01").GetProperty("quantity").GetDouble());

        var replaced = await client.PostAsync("/api/history?mode=replace", InputSamples.File("series,date,quantity\nS2,2026-02-01,5\n", "s2.csv"));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(1, (await InputSamples.JsonAsync(await client.GetAsync("/api/history?series=S2"))).GetProperty("rows").GetArrayLength());
        Assert.Equal(HistorySamples.Months, (await InputSamples.JsonAsync(await client.GetAsync("/api/history?series=S1"))).GetProperty("rows").GetArrayLength());

        var badMode = await client.PostAsync("/api/history?mode=merge", InputSamples.Csv("series,date,quantity\nS2,2026-02-01,5\n"));
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        Assert.Contains("'merge'", (await InputSamples.ErrorsAsync(badMode))["mode"][0]);
    }

    [Fact]
    public async Task A_bad_file_is_refused_whole_with_every_error_naming_file_row_field_and_value_and_counted()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        await ForecastApiClient.PutHistoryAsync(client, HistorySamples.Csv());
        var before = await InputSamples.JsonAsync(await client.GetAsync("/api/inputs/stats"));

        var response = await client.PutAsync("/api/history", InputSamples.File("""
            store_id,date,cartons
            S1,2026-01-01,10
            S1,2026-13-01,10
            S2,2026-01-01,-4
            S3,2026-01-01,many
            """, "history-2026.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await InputSamples.ErrorsAsync(response);
        Assert.Contains("'2026-13-01' (history-2026.csv row 3)", errors["date"][0]);
        Assert.Contains("'-4' (history-2026.csv row 4)", errors["cartons"][0]);
        Assert.Contains(errors["cartons"], m => m.Contains("'many' (history-2026.csv row 5)"));
        // Nothing of the refused file was saved.
        Assert.Equal(HistorySamples.Rows(), (await InputSamples.JsonAsync(await client.GetAsync("/api/history"))).GetProperty("rows").GetInt32());
        var after = await InputSamples.JsonAsync(await client.GetAsync("/api/inputs/stats"));
        Assert.Equal(Refused(before) + 1, Refused(after));
        Assert.Equal("history", after.GetProperty("lastRefusal").GetProperty("list").GetString());

        var noColumn = await client.PutAsync("/api/history", InputSamples.Csv("store,date,cartons\nS1,2026-01-01,3\n"));
        Assert.Equal(HttpStatusCode.BadRequest, noColumn.StatusCode);
        Assert.Contains("history.csv", string.Concat((await InputSamples.ErrorsAsync(noColumn)).Values.SelectMany(v => v)));

        var json = await client.PutAsync("/api/history", InputSamples.Json(new object[] { new { series = "S1", date = "01/02/2026", quantity = 3 }, new { date = "2026-01-01", quantity = 1 } }));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        var jsonErrors = await InputSamples.ErrorsAsync(json);
        Assert.Contains("'01/02/2026' ($[0])", jsonErrors["date"][0]);
        Assert.Contains("($[1])", jsonErrors["series"][0]);
    }

    [Fact]
    public async Task Qa_may_read_the_history_but_not_change_it()
    {
        var qa = await host.ClientAsync(Role.Qa);
        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync("/api/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.PutAsync("/api/history", InputSamples.Csv(HistorySamples.Csv()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.PostAsync("/api/history", InputSamples.Csv(HistorySamples.Csv()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/history")).StatusCode);
    }

    private static long Refused(JsonElement stats) => stats.GetProperty("refused").GetProperty("history").GetInt64();
}
