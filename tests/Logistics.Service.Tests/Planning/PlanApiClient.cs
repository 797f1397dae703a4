using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Logistics.Service.Tests.Planning;

/// <summary>The calls the planning tests make over and over.</summary>
internal static class PlanApiClient
{
    public static async Task<JsonObject> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/plans", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var plan = await JsonAsync(response);
        Assert.Equal($"/api/plans/{plan["id"]}", response.Headers.Location?.OriginalString);
        return plan;
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/plans/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>Polls the job until <paramref name="done"/> holds, returning every state seen on the way.</summary>
    public static async Task<List<JsonObject>> WaitAsync(HttpClient client, string id, Func<JsonObject, bool> done, TimeSpan? timeout = null)
    {
        var seen = new List<JsonObject>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var plan = await GetAsync(client, id);
            seen.Add(plan);
            if (done(plan)) return seen;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"plan {id} never got there; last: {plan.ToJsonString()}");
            await Task.Delay(150);
        }
    }

    public static Task<List<JsonObject>> WaitEndedAsync(HttpClient client, string id) =>
        WaitAsync(client, id, p => (string?)p["status"] is "succeeded" or "failed" or "cancelled");

    public static async Task<JsonObject> ResultAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/plans/{id}/result");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>A finished plan of the host's day, made in <paramref name="seconds"/>.</summary>
    public static async Task<(string Id, JsonObject Result)> SolvedAsync(HttpClient client, int seconds = 2)
    {
        var id = (string)(await CreateAsync(client, new { date = PlanningHost.Day.ToString("yyyy-MM-dd"), timeLimitSeconds = seconds, seed = 3 }))["id"]!;
        var end = (await WaitEndedAsync(client, id))[^1];
        Assert.Equal("succeeded", (string?)end["status"]);
        return (id, await ResultAsync(client, id));
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
