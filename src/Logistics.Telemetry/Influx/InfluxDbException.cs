using System.Net;

namespace Logistics.Telemetry.Influx;

/// <summary>InfluxDB could not be reached or answered with an error. The derived types say which:
/// <see cref="InfluxDbUnavailableException"/> (worth trying again later) or
/// <see cref="InfluxDbRequestRejectedException"/> (the request itself is wrong).</summary>
public class InfluxDbException : Exception
{
    public InfluxDbException(string message, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(message, inner) => StatusCode = statusCode;

    /// <summary>The HTTP status InfluxDB answered with; null when it did not answer at all.</summary>
    public HttpStatusCode? StatusCode { get; }
}
