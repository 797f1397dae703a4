using System.Net;
using Logistics.Data.Security;

namespace Logistics.Service.Tests.Inputs;

public sealed class OrdersImportTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private async Task<HttpClient> WithStoresAsync()
    {
        var client = await host.ClientAsync(Role.Dispatcher);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/stores", InputSamples.Csv(InputSamples.Stores))).StatusCode);
        return client;
    }

    [Fact]
    public async Task Orders_are_kept_per_delivery_date()
    {
        var client = await WithStoresAsync();
        var put = await client.PutAsync("/api/orders?date=2026-12-01", InputSamples.Csv(InputSamples.Orders));
        Assert.Equal(3, (await InputSamples.JsonAsync(put)).GetProperty("imported").GetInt32());
        var json = await client.PutAsync("/api/orders?date=2026-12-02", InputSamples.Json(new[] { new { id = "J1", storeId = "S3", cartons = 7 } }));
        Assert.Equal(1, (await InputSamples.JsonAsync(json)).GetProperty("imported").GetInt32());

        var first = await InputSamples.JsonAsync(await client.GetAsync("/api/orders?date=2026-12-01"));
        Assert.Equal(["O1", "O2", "O3"], first.EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        var o1 = first[0];
        Assert.Equal(("S1", 12, 3.0, true), (o1.GetProperty("storeId").GetString(), o1.GetProperty("cartons").GetInt32(),
            o1.GetProperty("weightKg").GetDouble(), o1.GetProperty("urgent").GetBoolean()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first[1].GetProperty("weightKg").ValueKind);
        Assert.False(first[2].GetProperty("urgent").GetBoolean());

        var second = await InputSamples.JsonAsync(await client.GetAsync("/api/orders?date=2026-12-02"));
        var j1 = Assert.Single(second.EnumerateArray());
        Assert.Equal(("J1", "S3", 7, false), (j1.GetProperty("id").GetString(), j1.GetProperty("storeId").GetString(),
            j1.GetProperty("cartons").GetInt32(), j1.GetProperty("urgent").GetBoolean()));
        Assert.Empty((await InputSamples.JsonAsync(await client.GetAsync("/api/orders?date=2026-12-03"))).EnumerateArray());
    }

    [Fact]
    public async Task Orders_for_unknown_stores_are_refused_naming_the_store_and_row()
    {
        var client = await WithStoresAsync();
        var csv = await client.PutAsync("/api/orders?date=2026-12-05", InputSamples.Csv(InputSamples.Orders.Replace("O2,S2", "O2,S99")));
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.StartsWith("'S99' (orders.csv row 3): no store with this id", Assert.Single((await InputSamples.ErrorsAsync(csv))["store_id"]));

        var json = await client.PutAsync("/api/orders?date=2026-12-05", InputSamples.Json(new[] { new { id = "J1", storeId = "S42", cartons = 7 } }));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.StartsWith("'S42' ($[0]): no store with this id", Assert.Single((await InputSamples.ErrorsAsync(json))["storeId"]));
        Assert.Empty((await InputSamples.JsonAsync(await client.GetAsync("/api/orders?date=2026-12-05"))).EnumerateArray());
    }

    [Fact]
    public async Task A_refused_import_keeps_that_dates_orders()
    {
        var client = await WithStoresAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/orders?date=2026-12-06", InputSamples.Csv(InputSamples.Orders))).StatusCode);
        var before = await client.GetStringAsync("/api/orders?date=2026-12-06");
        var response = await client.PutAsync("/api/orders?date=2026-12-06", InputSamples.Csv(InputSamples.Orders.Replace("O3,S3,5", "O3,S3,five")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("'five' (orders.csv row 4): not a whole number", Assert.Single((await InputSamples.ErrorsAsync(response))["cartons"]));
        Assert.Equal(before, await client.GetStringAsync("/api/orders?date=2026-12-06"));
    }

    [Theory]
    [InlineData("", "''")]
    [InlineData("?date=01/12/2026", "'01/12/2026'")]
    [InlineData("?date=2026-02-30", "'2026-02-30'")]
    public async Task A_missing_or_bad_date_is_refused_naming_it(string query, string quoted)
    {
        var client = await WithStoresAsync();
        var get = await client.GetAsync("/api/orders" + query);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.StartsWith(quoted, Assert.Single((await InputSamples.ErrorsAsync(get))["date"]));
        var put = await client.PutAsync("/api/orders" + query, InputSamples.Csv(InputSamples.Orders));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("yyyy-MM-dd", Assert.Single((await InputSamples.ErrorsAsync(put))["date"]));
    }
}
