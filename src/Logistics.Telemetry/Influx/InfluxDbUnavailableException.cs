using System.Net;

namespace Logistics.Telemetry.Influx;

/// <summary>InfluxDB did not answer, or answered with a server error (5xx), on every attempt. Nothing
/// is known to be wrong with the request: the caller should keep the data and try again later.</summary>
public sealed class InfluxDbUnavailableException(string message, int attempts, HttpStatusCode? statusCode = null, Exception? inner = null)
    : InfluxDbException(message, statusCode, inner)
{
    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; } = attempts;
}
