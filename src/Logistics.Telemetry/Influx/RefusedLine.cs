namespace Logistics.Telemetry.Influx;

/// <summary>A line InfluxDB would not store: its position in the batch, the line as sent, and the
/// server's reason (for example "partial write: field type conflict: …").</summary>
public sealed record RefusedLine(int Index, string Line, string Reason);
