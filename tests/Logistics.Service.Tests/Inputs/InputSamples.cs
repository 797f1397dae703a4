using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Logistics.Service.Tests.Inputs;

/// <summary>A small day in the CSV columns of docs/planning-input.md, and the request bodies that carry it.</summary>
internal static class InputSamples
{
    public const string Stores = """
        store_id,name,lat,lon,tier,windows,service_fixed_min,service_per_carton_s
        S1,Kiosk East,22.8201,108.3702,1,08:00-11:30,3,5
        S2,Market West,22.8105,108.3011,3,08:00-10:30;14:00-16:00,10,4
        S3,Corner Shop,22.8402,108.3954,5,09:00-16:00,5,6
        """;

    public const string Fleet = """
        vehicle_type,count,capacity_cartons,capacity_kg,shift_start,shift_end,max_route_min,fixed_cost,cost_per_km,cost_per_hour,depot_id,depot_name,depot_lat,depot_lon,depot_open,depot_close
        van,3,300,900,08:00,18:00,540,150,1.20,35,DC1,Nanning DC,22.79,108.30,07:00,19:00
        truck,1,800,2500,08:00,18:00,,260,2.10,45.5,DC1,Nanning DC,22.79,108.30,07:00,19:00
        """;

    public const string Orders = """
        order_id,store_id,cartons,weight_kg,urgent
        O1,S1,12,3.0,true
        O2,S2,80,,false
        O3,S3,5,1.25,
        """;

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value, Web), Encoding.UTF8, "application/json");

    public static MultipartFormDataContent File(string text, string fileName, string field = "file")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".json") ? "application/json" : "text/csv");
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    /// <summary>The ValidationProblem's errors by field.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(Web)!;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
