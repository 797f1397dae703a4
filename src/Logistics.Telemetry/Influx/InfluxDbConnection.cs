namespace Logistics.Telemetry.Influx;

/// <summary>Where an InfluxDB v1 HTTP API is and how to log in to it.</summary>
public sealed record InfluxDbConnection(Uri BaseUrl, string Database, string? Username, string? Password);
