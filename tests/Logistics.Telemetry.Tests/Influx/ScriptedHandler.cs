using System.IO.Compression;
using System.Net;
using System.Text;

namespace Logistics.Telemetry.Tests.Influx;

/// <summary>An HttpMessageHandler that answers each request with the next scripted step (a status
/// or an exception), repeating the last one, and records what it was sent.</summary>
internal sealed class ScriptedHandler(params Func<HttpResponseMessage>[] steps) : HttpMessageHandler
{
    public sealed record Sent(HttpMethod Method, Uri Uri, IReadOnlyList<string> ContentEncoding, string Body);

    public List<Sent> Requests { get; } = [];

    public static Func<HttpResponseMessage> Status(HttpStatusCode status, string body = "") =>
        () => new HttpResponseMessage(status) { Content = new StringContent(body) };

    public static Func<HttpResponseMessage> Fail(string message = "Connection refused") =>
        () => throw new HttpRequestException(message);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var encoding = request.Content?.Headers.ContentEncoding.ToList() ?? [];
        var bytes = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        if (encoding.Contains("gzip"))
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await gzip.CopyToAsync(plain, cancellationToken);
            bytes = plain.ToArray();
        }
        Requests.Add(new Sent(request.Method, request.RequestUri!, encoding, Encoding.UTF8.GetString(bytes)));
        return steps[Math.Min(Requests.Count, steps.Length) - 1]();
    }
}
