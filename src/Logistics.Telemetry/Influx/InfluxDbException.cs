using System.Net;

namespace Logistics.Telemetry.Influx;

/// <summary>InfluxDB could not be reached or answered with an error.</summary>
public sealed class InfluxDbException : Exception
{
    public InfluxDbException(string message, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(message, inner) => StatusCode = statusCode;

    /// <summary>The HTTP status InfluxDB answered with; null when it did not answer at all.</summary>
    public HttpStatusCode? StatusCode { get; }
}
