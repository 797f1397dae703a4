using System.Net;
using System.Text.Json;
using Logistics.Data.Security;

namespace Logistics.Service.Tests.Inputs;

public sealed class StoresImportTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task A_stores_csv_comes_back_as_json_with_every_column()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var put = await client.PutAsync("/api/stores", InputSamples.Csv(InputSamples.Stores));
        Assert.Equal(3, (await InputSamples.JsonAsync(put)).GetProperty("imported").GetInt32());

        var stores = await InputSamples.JsonAsync(await client.GetAsync("/api/stores"));
        Assert.Equal(["S1", "S2", "S3"], stores.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var s2 = stores[1];
        Assert.Equal("Market West", s2.GetProperty("name").GetString());
        Assert.Equal(22.8105, s2.GetProperty("lat").GetDouble());
        Assert.Equal(108.3011, s2.GetProperty("lon").GetDouble());
        Assert.Equal(3, s2.GetProperty("tier").GetInt32());
        Assert.Equal(["08:00-10:30", "14:00-16:00"], s2.GetProperty("windows").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(10, s2.GetProperty("serviceFixedMinutes").GetDouble());
        Assert.Equal(4, s2.GetProperty("servicePerCartonSeconds").GetDouble());
    }

    [Fact]
    public async Task What_get_returns_can_be_put_back_as_json_unchanged()
    {
        var client = await host.ClientAsync(Role.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/stores", InputSamples.Csv(InputSamples.Stores))).StatusCode);
        var first = await client.GetStringAsync("/api/stores");

        var stores = JsonSerializer.Deserialize<JsonElement>(first);
        var put = await client.PutAsync("/api/stores", InputSamples.Json(stores));
        Assert.Equal(3, (await InputSamples.JsonAsync(put)).GetProperty("imported").GetInt32());
        Assert.Equal(first, await client.GetStringAsync("/api/stores"));
    }

    [Fact]
    public async Task A_json_store_gets_the_csv_defaults_for_name_and_service_times()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var put = await client.PutAsync("/api/stores", InputSamples.Json(new[]
        {
            new { id = "J1", lat = 22.81, lon = 108.36, tier = 2, windows = new[] { "08:00-12:00" } },
        }));
        Assert.Equal(1, (await InputSamples.JsonAsync(put)).GetProperty("imported").GetInt32());
        var store = (await InputSamples.JsonAsync(await client.GetAsync("/api/stores")))[0];
        Assert.Equal("J1", store.GetProperty("name").GetString());
        Assert.Equal(5, store.GetProperty("serviceFixedMinutes").GetDouble());
        Assert.Equal(6, store.GetProperty("servicePerCartonSeconds").GetDouble());
    }

    [Fact]
    public async Task A_multipart_file_upload_is_read_as_csv_or_by_its_json_name_as_json()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var put = await client.PutAsync("/api/stores", InputSamples.File(InputSamples.Stores, "stores-monday.csv"));
        Assert.Equal(3, (await InputSamples.JsonAsync(put)).GetProperty("imported").GetInt32());
        var stores = await InputSamples.JsonAsync(await client.GetAsync("/api/stores"));
        Assert.Equal("Corner Shop", stores[2].GetProperty("name").GetString());

        var json = await client.PutAsync("/api/stores",
            InputSamples.File("""[{"id":"M1","lat":22.81,"lon":108.36,"tier":1,"windows":["08:00-12:00"]}]""", "stores.json"));
        Assert.Equal(1, (await InputSamples.JsonAsync(json)).GetProperty("imported").GetInt32());
        Assert.Equal("M1", Assert.Single((await InputSamples.JsonAsync(await client.GetAsync("/api/stores"))).EnumerateArray()).GetProperty("id").GetString());

        // Errors name the uploaded file, so the dispatcher knows which one to fix.
        var bad = await client.PutAsync("/api/stores", InputSamples.File(InputSamples.Stores.Replace("22.8402", "north"), "stores-monday.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'north' (stores-monday.csv row 4)", Assert.Single((await InputSamples.ErrorsAsync(bad))["lat"]));
    }

    [Fact]
    public async Task A_multipart_upload_without_a_file_field_is_refused_naming_the_field()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var response = await client.PutAsync("/api/stores", InputSamples.File(InputSamples.Stores, "stores.csv", field: "upload"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'file'", Assert.Single((await InputSamples.ErrorsAsync(response))["file"]));
    }

    [Fact]
    public async Task A_csv_missing_a_column_is_refused_naming_the_column()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var withoutTier = string.Join('\n', InputSamples.Stores.Split('\n').Select(line => string.Join(',', line.Split(',').Where((_, i) => i != 4))));
        var response = await client.PutAsync("/api/stores", InputSamples.Csv(withoutTier));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await InputSamples.ErrorsAsync(response);
        Assert.Equal(["tier"], errors.Keys);
        Assert.Contains("missing column 'tier'", errors["tier"][0]);
    }

    [Fact]
    public async Task Bad_values_are_refused_naming_field_row_and_value_every_one_at_once()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var bad = InputSamples.Stores.Replace("S2,Market West,22.8105,108.3011,3", "S2,Market West,22.8105,108.3011,7")
            .Replace("09:00-16:00", "16:00-09:00");
        var response = await client.PutAsync("/api/stores", InputSamples.Csv(bad));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await InputSamples.ErrorsAsync(response);
        Assert.Equal(["tier", "windows"], errors.Keys.Order());
        Assert.StartsWith("'7' (stores.csv row 3): tier must be between 1", Assert.Single(errors["tier"]));
        Assert.StartsWith("'16:00-09:00' (stores.csv row 4): window '16:00-09:00' ends before it starts", Assert.Single(errors["windows"]));
    }

    [Fact]
    public async Task Json_values_are_checked_by_the_same_rules_and_named_by_member_and_item()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var response = await client.PutAsync("/api/stores", InputSamples.Json(new object[]
        {
            new { id = "J1", lat = 95.0, lon = 108.36, tier = 2, windows = new[] { "08:00-12:00" } },
            new { id = "J1", lat = 22.8, lon = 108.36, tier = 0, windows = new[] { "8 to 12" }, serviceFixedMinutes = -1 },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await InputSamples.ErrorsAsync(response);
        Assert.StartsWith("'95' ($[0]): latitude must be between -90 and 90", Assert.Single(errors["lat"]));
        Assert.StartsWith("'J1' ($[1]): duplicate id: already used at $[0]", Assert.Single(errors["id"]));
        Assert.StartsWith("'0' ($[1]): tier must be between 1 (top) and 5 (ordinary)", Assert.Single(errors["tier"]));
        Assert.StartsWith("'8 to 12' ($[1]): not a window", Assert.Single(errors["windows"]));
    }

    [Fact]
    public async Task A_json_member_of_the_wrong_type_is_named()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var body = new StringContent("""[{"id":"J1","lat":"north","lon":108.3,"tier":1,"windows":["08:00-12:00"]}]""",
            System.Text.Encoding.UTF8, "application/json");
        var response = await client.PutAsync("/api/stores", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("($[0].lat)", Assert.Single((await InputSamples.ErrorsAsync(response))["lat"]));
    }

    [Fact]
    public async Task A_refused_import_keeps_the_previous_list_and_is_counted()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/stores", InputSamples.Csv(InputSamples.Stores))).StatusCode);
        var before = await client.GetStringAsync("/api/stores");
        var refusedBefore = (await InputSamples.JsonAsync(await client.GetAsync("/api/inputs/stats"))).GetProperty("refused").GetProperty("stores").GetInt64();

        // The first row is fine and the last is not: nothing of the file may be saved.
        var response = await client.PutAsync("/api/stores", InputSamples.Csv(InputSamples.Stores.Replace("S1,Kiosk East", "N1,New Kiosk").Replace(",5,6", ",5,-6")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'-6' (stores.csv row 4)", Assert.Single((await InputSamples.ErrorsAsync(response))["service_per_carton_s"]));

        Assert.Equal(before, await client.GetStringAsync("/api/stores"));
        var stats = await InputSamples.JsonAsync(await client.GetAsync("/api/inputs/stats"));
        Assert.Equal(refusedBefore + 1, stats.GetProperty("refused").GetProperty("stores").GetInt64());
        var last = stats.GetProperty("lastRefusal");
        Assert.Equal(("stores", "service_per_carton_s", "-6"),
            (last.GetProperty("list").GetString(), last.GetProperty("field").GetString(), last.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task An_empty_list_and_an_unknown_content_type_are_refused()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        var empty = await client.PutAsync("/api/stores", InputSamples.Json(Array.Empty<object>()));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("no store", Assert.Single((await InputSamples.ErrorsAsync(empty))["stores"]));

        var xml = await client.PutAsync("/api/stores", new StringContent("<stores/>", System.Text.Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
        var xmlBody = await xml.Content.ReadAsStringAsync();
        Assert.True(xmlBody.Contains("application/xml"), xmlBody);
    }

    [Fact]
    public async Task An_upload_over_the_limit_gets_413_and_changes_nothing()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/stores", InputSamples.Csv(InputSamples.Stores))).StatusCode);
        var before = await client.GetStringAsync("/api/stores");
        var filler = new string('x', 60);
        var rows = (int)(Service.Inputs.UploadedBody.MaxBytes / 80) + 10;
        var huge = InputSamples.Stores + string.Concat(Enumerable.Range(0, rows).Select(i => $"\nX{i},{filler},22.8,108.3,5,09:00-16:00"));
        var response = await client.PutAsync("/api/stores", InputSamples.Csv(huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20 MB", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await client.GetStringAsync("/api/stores"));
    }
}
