using System.Net;

namespace Logistics.Telemetry.Influx;

/// <summary>InfluxDB refused the request with a client error (4xx): sending it again will not help.
/// A 400 to a write means some lines were refused (see <c>InfluxDbClient.WriteIsolatingRefusedAsync</c>).</summary>
public sealed class InfluxDbRequestRejectedException(string message, HttpStatusCode statusCode, string serverError)
    : InfluxDbException(message, statusCode)
{
    /// <summary>InfluxDB's own explanation (the "error" of its JSON answer, or the body as sent).</summary>
    public string ServerError { get; } = serverError;
}
