using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Logistics.Telemetry.Influx;

/// <summary>Client for the InfluxDB v1 HTTP API (/ping, /write, /query), which InfluxDB 1.x, 2.x and
/// 3.x all serve. Writes and queries that meet a network error, a timeout or a 5xx answer are sent
/// again with exponential backoff and jitter, then fail with <see cref="InfluxDbUnavailableException"/>;
/// a 4xx answer fails at once with <see cref="InfluxDbRequestRejectedException"/>.
/// Thread-safe: one instance per connection, shared.</summary>
public sealed partial class InfluxDbClient
{
    private readonly HttpClient _http;
    private readonly InfluxDbConnection _connection;
    private readonly InfluxDbClientOptions _options;
    private readonly ILogger _logger;
    private readonly Uri _baseUrl;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public InfluxDbClient(HttpClient http, InfluxDbConnection connection, InfluxDbClientOptions? options = null, ILogger<InfluxDbClient>? logger = null)
    {
        _http = http;
        _connection = connection;
        _options = options ?? new InfluxDbClientOptions();
        _options.Validate();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        // Relative paths resolve below the base only when it ends with a slash (InfluxDB behind a proxy path).
        _baseUrl = connection.BaseUrl.AbsoluteUri.EndsWith('/') ? connection.BaseUrl : new Uri(connection.BaseUrl.AbsoluteUri + "/");
        if (connection.Username is not null)
            _authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{connection.Username}:{connection.Password}")));
        _retry = BuildRetry(_options);
    }

    public InfluxDbConnection Connection => _connection;

    public InfluxDbClientOptions Options => _options;

    /// <summary>GET /ping, sent once (a health probe reports the present state); returns the
    /// server's version (the X-Influxdb-Version header).</summary>
    public async Task<string> PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => Request(HttpMethod.Get, "ping"), "ping", ResiliencePipeline<HttpResponseMessage>.Empty, cancellationToken);
        await ThrowOnErrorAsync(response, "ping", cancellationToken);
        return response.Headers.TryGetValues("X-Influxdb-Version", out var values) ? values.First() : "unknown";
    }

    /// <summary>The names of the databases the configured user can see.</summary>
    public async Task<IReadOnlyList<string>> ShowDatabasesAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("SHOW DATABASES", cancellationToken))
            .SelectMany(s => s.Rows).Select(r => r.GetString("name") ?? "").ToList();

    // ------------------------------------------------------------------ writes

    /// <summary>Writes up to <see cref="InfluxDbClientOptions.MaxBatchSize"/> points in one request (gzip-compressed
    /// when <see cref="InfluxDbClientOptions.Gzip"/>). A 400 answer (some lines refused; InfluxDB 1.x still stores the
    /// others) is an <see cref="InfluxDbRequestRejectedException"/>; <see cref="WriteIsolatingRefusedAsync(LineProtocolBatch, CancellationToken)"/>
    /// says which. A retried write may reach the server twice: harmless for points with their own time (they
    /// overwrite themselves), a duplicate for points stamped by the server.</summary>
    public Task WriteAsync(IReadOnlyCollection<InfluxPoint> points, CancellationToken cancellationToken) =>
        WriteAsync(Batch(points, requireTimestamps: false), cancellationToken);

    /// <summary>Writes the lines of <paramref name="batch"/> as they are; see <see cref="WriteAsync(IReadOnlyCollection{InfluxPoint}, CancellationToken)"/>.</summary>
    public async Task WriteAsync(LineProtocolBatch batch, CancellationToken cancellationToken)
    {
        CheckBatch(batch, requireTimestamps: false);
        if (batch.Count == 0) return;
        if (await WriteBodyAsync(batch.Body, batch.Precision, cancellationToken) is { } reason)
            throw new InfluxDbRequestRejectedException(
                $"InfluxDB at {_connection.BaseUrl} refused lines of a write of {batch.Count} points (HTTP 400): {reason}", HttpStatusCode.BadRequest, reason);
    }

    /// <summary>Writes points so that every line InfluxDB accepts is stored; see
    /// <see cref="WriteIsolatingRefusedAsync(LineProtocolBatch, CancellationToken)"/>.</summary>
    public Task<InfluxWriteResult> WriteIsolatingRefusedAsync(IReadOnlyList<InfluxPoint> points, CancellationToken cancellationToken) =>
        WriteIsolatingRefusedAsync(Batch(points, requireTimestamps: true), cancellationToken);

    /// <summary>Writes a batch so that every line InfluxDB accepts is stored and the refused ones come
    /// back with the server's reason each (a field type conflict, a point outside the retention
    /// policy …). The batch goes whole, in one request; only when it is refused is it halved until the
    /// refused lines stand alone. Accepted lines may be written more than once, which overwrites them with
    /// the same point, so every line must carry its own time.</summary>
    public async Task<InfluxWriteResult> WriteIsolatingRefusedAsync(LineProtocolBatch batch, CancellationToken cancellationToken)
    {
        CheckBatch(batch, requireTimestamps: true);
        if (batch.Count == 0 || await WriteBodyAsync(batch.Body, batch.Precision, cancellationToken) is not { } reason)
            return new InfluxWriteResult(batch.Count, []);
        var refused = await RefusedLineIsolator.IsolateAsync(batch.Count, batch.Line,
            (start, count, ct) => WriteBodyAsync(batch.Lines(start, count), batch.Precision, ct), cancellationToken, reason);
        if (refused.Count > 0)
            _logger.LogWarning("InfluxDB refused {Refused} of {Count} lines; the first: {Reason}", refused.Count, batch.Count, refused[0].Reason);
        return new InfluxWriteResult(batch.Count - refused.Count, refused);
    }

    private LineProtocolBatch Batch(IReadOnlyCollection<InfluxPoint> points, bool requireTimestamps)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count > InfluxDbClientOptions.MaxBatchSize)
            throw new ArgumentException($"A batch holds {points.Count} points; at most {InfluxDbClientOptions.MaxBatchSize} go in one write.", nameof(points));
        var batch = new LineProtocolBatch(_options.Precision, Math.Max(256, points.Count * 96));
        var i = 0;
        foreach (var point in points)
        {
            if (point is null) throw new ArgumentException($"Point {i} of the batch is null.", nameof(points));
            if (requireTimestamps && point.UnixNanoseconds is null)
                throw new ArgumentException($"Point {i} of the batch ('{point.Measurement}') has no timestamp: written again, it would be stored twice.", nameof(points));
            batch.Add(point);
            i++;
        }
        return batch;
    }

    private static void CheckBatch(LineProtocolBatch batch, bool requireTimestamps)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count > InfluxDbClientOptions.MaxBatchSize)
            throw new ArgumentException($"A batch holds {batch.Count} points; at most {InfluxDbClientOptions.MaxBatchSize} go in one write.", nameof(batch));
        if (requireTimestamps && !batch.AllTimed)
            throw new ArgumentException("A line of the batch has no timestamp: written again, it would be stored twice.", nameof(batch));
    }

    /// <summary>POST /write; null when stored, the server's reason on 400, and an exception otherwise.</summary>
    private async Task<string?> WriteBodyAsync(ReadOnlyMemory<byte> lineProtocol, InfluxPrecision precision, CancellationToken cancellationToken)
    {
        var body = _options.Gzip ? Gzip(lineProtocol.Span) : lineProtocol;
        var path = $"write?db={Uri.EscapeDataString(_connection.Database)}&precision={precision.ToQueryValue()}"
                   + (_options.RetentionPolicy is { } rp ? $"&rp={Uri.EscapeDataString(rp)}" : "");
        using var response = await SendAsync(() =>
        {
            var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            if (_options.Gzip) content.Headers.ContentEncoding.Add("gzip");
            return Request(HttpMethod.Post, path, content);
        }, "write", _retry, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
            return await ServerErrorAsync(response, cancellationToken);
        await ThrowOnErrorAsync(response, "write", cancellationToken);
        return null;
    }

    private static ReadOnlyMemory<byte> Gzip(ReadOnlySpan<byte> utf8)
    {
        // Line protocol of readings compresses about 8:1.
        var buffer = new MemoryStream(utf8.Length / 6 + 256);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(utf8);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    // ------------------------------------------------------------------ queries

    /// <summary>Runs InfluxQL without parameters; see <see cref="QueryAsync(InfluxQuery, CancellationToken)"/>.</summary>
    public Task<IReadOnlyList<InfluxSeries>> QueryAsync(string influxQl, CancellationToken cancellationToken) =>
        QueryAsync(new InfluxQuery(influxQl), cancellationToken);

    /// <summary>Runs InfluxQL through POST /query against the connection's database, its parameters
    /// bound by InfluxDB; returns the series of every statement, times to the nanosecond. An error
    /// in any statement's result is an <see cref="InfluxDbRequestRejectedException"/>.</summary>
    public async Task<IReadOnlyList<InfluxSeries>> QueryAsync(InfluxQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var form = new List<KeyValuePair<string, string>> { new("q", query.Text), new("db", _connection.Database), new("epoch", "ns") };
        if (query.Parameters.Count > 0) form.Add(new("params", ParametersJson(query.Parameters)));
        using var response = await SendAsync(() => Request(HttpMethod.Post, "query", new FormUrlEncodedContent(form)), "query", _retry, cancellationToken);
        await ThrowOnErrorAsync(response, "query", cancellationToken);
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return InfluxSeries.Parse(json.RootElement,
            error => new InfluxDbRequestRejectedException($"InfluxDB refused the query: {error}", response.StatusCode, error));
    }

    private static string ParametersJson(IReadOnlyDictionary<string, object> parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in parameters)
            {
                switch (value)
                {
                    case string s: json.WriteString(name, s); break;
                    case DateTimeOffset t: json.WriteString(name, InfluxQl.Rfc3339(t)); break;
                    case bool b: json.WriteBoolean(name, b); break;
                    case long l: json.WriteNumber(name, l); break;
                    case int i: json.WriteNumber(name, i); break;
                    case double d: json.WriteNumber(name, d); break;
                    case float f: json.WriteNumber(name, f); break;
                    default: throw new ArgumentException($"Query parameter '{name}' has unsupported type {value.GetType().Name}.", nameof(parameters));
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // ------------------------------------------------------------------ database setup

    /// <summary>Makes sure the connection's database exists with <paramref name="policy"/> as its
    /// default retention policy: creates what is missing, corrects the duration and the default
    /// flag where they differ, and changes nothing when all is as asked.</summary>
    public async Task<DatabaseSetup> EnsureDatabaseAsync(RetentionPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var db = InfluxQl.QuoteIdentifier(_connection.Database);
        var rp = InfluxQl.QuoteIdentifier(policy.Name);
        var duration = InfluxQl.Duration(policy.Duration);
        if (!(await ShowDatabasesAsync(cancellationToken)).Contains(_connection.Database))
        {
            await QueryAsync($"CREATE DATABASE {db} WITH DURATION {duration} REPLICATION 1 NAME {rp}", cancellationToken);
            _logger.LogInformation("Created InfluxDB database {Database} with retention policy {Policy} ({Duration})", _connection.Database, policy.Name, duration);
            return new DatabaseSetup(DatabaseCreated: true, PolicyCreated: true, PolicyAltered: false);
        }
        var existing = (await QueryAsync($"SHOW RETENTION POLICIES ON {db}", cancellationToken))
            .SelectMany(s => s.Rows).FirstOrDefault(r => r.GetString("name") == policy.Name);
        if (existing is null)
        {
            await QueryAsync($"CREATE RETENTION POLICY {rp} ON {db} DURATION {duration} REPLICATION 1 DEFAULT", cancellationToken);
            _logger.LogInformation("Created retention policy {Policy} ({Duration}) on {Database}", policy.Name, duration, _connection.Database);
            return new DatabaseSetup(DatabaseCreated: false, PolicyCreated: true, PolicyAltered: false);
        }
        var current = ParseGoDuration(existing.GetString("duration") ?? "");
        if (current == policy.Duration && existing.GetBoolean("default") == true)
            return new DatabaseSetup(false, false, false);
        await QueryAsync($"ALTER RETENTION POLICY {rp} ON {db} DURATION {duration} DEFAULT", cancellationToken);
        _logger.LogInformation("Altered retention policy {Policy} on {Database}: {Old} -> {Duration}, default", policy.Name, _connection.Database, current, duration);
        return new DatabaseSetup(DatabaseCreated: false, PolicyCreated: false, PolicyAltered: true);
    }

    /// <summary>A duration as Go prints it ("18240h0m0s", "1h30m0s", "0s" = keep forever).</summary>
    internal static TimeSpan? ParseGoDuration(string text)
    {
        var parts = GoDurationPart().Matches(text);
        if (parts.Count == 0 || parts.Sum(m => m.Length) != text.Length) return null;
        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                "us" or "µs" => TimeSpan.FromMicroseconds(value),
                _ => TimeSpan.FromTicks((long)(value / 100)),
            };
        }
        return total;
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex GoDurationPart();

    // ------------------------------------------------------------------ transport

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(_baseUrl, path)) { Content = content };
        request.Headers.Authorization = _authorization;
        return request;
    }

    private ResiliencePipeline<HttpResponseMessage> BuildRetry(InfluxDbClientOptions options)
    {
        if (options.MaxAttempts == 1) return ResiliencePipeline<HttpResponseMessage>.Empty;
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.FirstRetryDelay,
                MaxDelay = options.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    // HttpClient's own timeout, not the caller giving up.
                    { Exception: OperationCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
                    { Result: { } response } => (int)response.StatusCode >= 500,
                    _ => false,
                }),
                OnRetry = args =>
                {
                    var why = args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    _logger.LogWarning("InfluxDB at {Url}: attempt {Attempt} failed ({Reason}); trying again in {Delay} ms",
                        _connection.BaseUrl, args.AttemptNumber + 1, why, (int)args.RetryDelay.TotalMilliseconds);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Sends a request (made afresh for each attempt) through <paramref name="retry"/>; a
    /// network error, timeout or 5xx answer still there after the last attempt becomes an
    /// <see cref="InfluxDbUnavailableException"/>. Other answers are returned as they are.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> newRequest, string what,
        ResiliencePipeline<HttpResponseMessage> retry, CancellationToken cancellationToken)
    {
        var attempts = 0;
        HttpResponseMessage response;
        try
        {
            response = await retry.ExecuteAsync(async ct =>
            {
                attempts++;
                using var request = newRequest();
                return await _http.SendAsync(request, ct);
            }, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new InfluxDbUnavailableException($"Cannot reach InfluxDB at {_connection.BaseUrl}: {e.Message}{After(attempts, what)}", attempts, inner: e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InfluxDbUnavailableException(
                $"InfluxDB at {_connection.BaseUrl} did not answer within {_http.Timeout.TotalSeconds:0.#} s{After(attempts, what)}", attempts, inner: e);
        }
        if ((int)response.StatusCode >= 500)
        {
            using (response)
            {
                var error = await ServerErrorAsync(response, cancellationToken);
                throw new InfluxDbUnavailableException(
                    $"InfluxDB at {_connection.BaseUrl} is unavailable: HTTP {(int)response.StatusCode} to the {what}, {error}{After(attempts, what)}",
                    attempts, response.StatusCode);
            }
        }
        return response;
    }

    private static string After(int attempts, string what) => attempts > 1 ? $" (gave up the {what} after {attempts} attempts)" : "";

    /// <summary>A 4xx answer becomes an <see cref="InfluxDbRequestRejectedException"/>.</summary>
    private async Task ThrowOnErrorAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var error = await ServerErrorAsync(response, cancellationToken);
        var reason = response.StatusCode == HttpStatusCode.Unauthorized
            ? "the user name or password is wrong, or none was given"
            : error;
        throw new InfluxDbRequestRejectedException(
            $"InfluxDB at {_connection.BaseUrl} refused the {what}: HTTP {(int)response.StatusCode}, {reason}", response.StatusCode, error);
    }

    /// <summary>The "error" of InfluxDB's JSON answer, or the body as it came.</summary>
    private static async Task<string> ServerErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var e) && e.GetString() is { } error)
                return error;
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, say): the body itself is the best explanation there is.
        }
        return body.Length > 0 ? body : response.ReasonPhrase ?? "no reason given";
    }
}
