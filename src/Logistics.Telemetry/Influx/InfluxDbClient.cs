using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Logistics.Telemetry.Influx;

/// <summary>Client for the InfluxDB v1 HTTP API (/ping, /query), which InfluxDB 1.x, 2.x and 3.x
/// all serve. Thread-safe: one instance per connection, shared.</summary>
public sealed class InfluxDbClient
{
    private readonly HttpClient _http;
    private readonly InfluxDbConnection _connection;
    private readonly Uri _baseUrl;

    public InfluxDbClient(HttpClient http, InfluxDbConnection connection)
    {
        _http = http;
        _connection = connection;
        // Relative paths resolve below the base only when it ends with a slash (InfluxDB behind a proxy path).
        _baseUrl = connection.BaseUrl.AbsoluteUri.EndsWith('/') ? connection.BaseUrl : new Uri(connection.BaseUrl.AbsoluteUri + "/");
        if (connection.Username is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{connection.Username}:{connection.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
    }

    public InfluxDbConnection Connection => _connection;

    /// <summary>GET /ping; returns the server's version (the X-Influxdb-Version header).</summary>
    public async Task<string> PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl, "ping")), cancellationToken);
        await ThrowOnErrorAsync(response, "ping", cancellationToken);
        return response.Headers.TryGetValues("X-Influxdb-Version", out var values) ? values.First() : "unknown";
    }

    /// <summary>The names of the databases the configured user can see.</summary>
    public async Task<IReadOnlyList<string>> ShowDatabasesAsync(CancellationToken cancellationToken)
    {
        using var json = await QueryAsync("SHOW DATABASES", cancellationToken);
        var names = new List<string>();
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            if (!result.TryGetProperty("series", out var series)) continue;
            foreach (var s in series.EnumerateArray())
                foreach (var row in s.GetProperty("values").EnumerateArray())
                    names.Add(row[0].GetString() ?? "");
        }
        return names;
    }

    /// <summary>Runs InfluxQL through POST /query and returns the JSON answer; an error in any
    /// statement's result becomes an <see cref="InfluxDbException"/>.</summary>
    public async Task<JsonDocument> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent([new("q", influxQl), new("db", _connection.Database)]);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUrl, "query")) { Content = form }, cancellationToken);
        await ThrowOnErrorAsync(response, "query", cancellationToken);
        var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                json.Dispose();
                throw new InfluxDbException($"InfluxDB refused the query: {error.GetString()}", HttpStatusCode.OK);
            }
        }
        return json;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new InfluxDbException($"Cannot reach InfluxDB at {_connection.BaseUrl}: {e.Message}", inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InfluxDbException($"InfluxDB at {_connection.BaseUrl} did not answer within {_http.Timeout.TotalSeconds:0.#} s.", inner: e);
        }
        finally
        {
            request.Dispose();
        }
    }

    private async Task ThrowOnErrorAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var reason = response.StatusCode == HttpStatusCode.Unauthorized
            ? "the user name or password is wrong, or none was given"
            : body.Trim();
        throw new InfluxDbException($"InfluxDB at {_connection.BaseUrl} refused the {what}: HTTP {(int)response.StatusCode}, {reason}", response.StatusCode);
    }
}
