using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Logistics.EndToEnd.Tests.Telemetry;

/// <summary>Reads what the service stored, over InfluxDB's v1 HTTP API, from the database the
/// service's configuration names.</summary>
public sealed class InfluxReader : IDisposable
{
    private readonly HttpClient _http;

    public InfluxReader(IReadOnlyDictionary<string, string> serviceConfiguration)
    {
        Url = new Uri(serviceConfiguration["InfluxDb__Url"]);
        Database = serviceConfiguration["InfluxDb__Database"];
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{serviceConfiguration["InfluxDb__Username"]}:{serviceConfiguration["InfluxDb__Password"]}")));
    }

    public Uri Url { get; }
    public string Database { get; }

    /// <summary>Runs a query whose result is one number per series (an aggregate with GROUP BY) and
    /// returns it by the value of <paramref name="groupTag"/>; empty when the measurement is empty or
    /// the database does not exist yet.</summary>
    public async Task<Dictionary<string, long>> CountByAsync(string query, string groupTag)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var series in await SeriesAsync(query))
        {
            var tag = series.TryGetProperty("tags", out var tags) && tags.TryGetProperty(groupTag, out var t) ? t.GetString() ?? "" : "";
            var row = series.GetProperty("values")[0];
            result[tag] = row[1].ValueKind == JsonValueKind.Number ? row[1].GetInt64() : 0;
        }
        return result;
    }

    /// <summary>Readings stored per truck, of these trucks only: points, and distinct seq values. Other tests on
    /// the shared broker publish as other trucks (the browser tests as T-001), and every listener subscribed to
    /// fleet/+/telemetry stores those too.</summary>
    public Task<Dictionary<string, long>> ReadingsPerTruckAsync(IEnumerable<string> trucks) =>
        CountByAsync($"SELECT count(seq) FROM readings WHERE {TruckIn(trucks)} GROUP BY truck", "truck");

    public Task<Dictionary<string, long>> DistinctSeqPerTruckAsync(IEnumerable<string> trucks) =>
        CountByAsync($"SELECT count(distinct(seq)) FROM readings WHERE {TruckIn(trucks)} GROUP BY truck", "truck");

    private static string TruckIn(IEnumerable<string> trucks) => $"truck =~ /^({string.Join('|', trucks)})$/";

    /// <summary>Rejected messages stored, by reason (sensor faults are in the same measurement with
    /// their own reason).</summary>
    public Task<Dictionary<string, long>> RejectedByReasonAsync() =>
        CountByAsync("SELECT count(journal_seq) FROM rejected GROUP BY reason", "reason");

    /// <summary>Rejections of these trucks only: other tests on the shared broker publish junk on
    /// other trucks' topics, which every listener subscribed to fleet/+/telemetry receives too.</summary>
    public Task<Dictionary<string, long>> RejectedByReasonAsync(IEnumerable<string> trucks) =>
        CountByAsync($"SELECT count(journal_seq) FROM rejected WHERE {TruckIn(trucks)} GROUP BY reason", "reason");

    /// <summary>The raw series of a query's first statement.</summary>
    public async Task<IReadOnlyList<JsonElement>> SeriesAsync(string query)
    {
        var uri = new Uri(Url, $"/query?db={Uri.EscapeDataString(Database)}&epoch=ns&q={Uri.EscapeDataString(query)}");
        using var response = await _http.GetAsync(uri);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"InfluxDB answered {(int)response.StatusCode} to '{query}': {body}");
        var statement = JsonDocument.Parse(body).RootElement.GetProperty("results")[0];
        if (statement.TryGetProperty("error", out var error))
        {
            var message = error.GetString() ?? "";
            if (message.StartsWith("database not found", StringComparison.Ordinal)) return [];
            throw new InvalidOperationException($"InfluxDB refused '{query}': {message}");
        }
        return statement.TryGetProperty("series", out var series) ? series.EnumerateArray().Select(s => s.Clone()).ToList() : [];
    }

    public async Task<IReadOnlyList<string>> DatabasesAsync()
    {
        var series = await SeriesAsync("SHOW DATABASES");
        return series.SelectMany(s => s.GetProperty("values").EnumerateArray().Select(v => v[0].GetString() ?? "")).ToList();
    }

    public void Dispose() => _http.Dispose();
}
