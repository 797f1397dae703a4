using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Logistics.Service.Tests.Inputs;

namespace Logistics.Service.Tests.Forecasts;

/// <summary>The calls the forecast tests make over and over.</summary>
internal static class ForecastApiClient
{
    public static async Task PutHistoryAsync(HttpClient client, string csv)
    {
        var response = await client.PutAsync("/api/history", InputSamples.Csv(csv));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonObject> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/forecasts", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        var job = JsonNode.Parse(text)!.AsObject();
        Assert.Equal($"/api/forecasts/{job["id"]}", response.Headers.Location?.OriginalString);
        return job;
    }

    public static async Task<JsonObject> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Polls the job until it has ended, returning every state seen on the way.</summary>
    public static async Task<List<JsonObject>> WaitEndedAsync(HttpClient client, string id, TimeSpan? timeout = null)
    {
        var seen = new List<JsonObject>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var job = await GetJsonAsync(client, $"/api/forecasts/{id}");
            seen.Add(job);
            if ((string?)job["status"] is "succeeded" or "failed" or "cancelled") return seen;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"forecast {id} never ended; last: {job.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    /// <summary>A finished forecast of the saved history.</summary>
    public static async Task<(string Id, JsonObject Job)> SucceededAsync(HttpClient client, object body)
    {
        var id = (string)(await CreateAsync(client, body))["id"]!;
        var end = (await WaitEndedAsync(client, id))[^1];
        Assert.True((string?)end["status"] == "succeeded", end.ToJsonString());
        return (id, end);
    }
}
