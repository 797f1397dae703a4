namespace Logistics.Telemetry.Readings;

/// <summary>A message that was refused, with enough to log it and count it.</summary>
/// <param name="Reason">Why; <see cref="Code"/> is its stable code.</param>
/// <param name="Truck">The topic's truck id, or null when the topic itself is invalid.</param>
/// <param name="Field">The offending field as a JSON path (<c>readings[1].temperature_c</c>), or
/// <c>topic</c> / <c>payload</c> when the message as a whole is at fault.</param>
/// <param name="Value">The offending value as received, made safe for logs: at most
/// <see cref="LogSafe.MaxChars"/> characters, control characters escaped; null when absent.</param>
/// <param name="Message">One sentence for people, naming the field and the value.</param>
public sealed record TelemetryRejection(RejectionReason Reason, string? Truck, string Field, string? Value, string Message)
{
    /// <summary>The reason's stable snake_case code, e.g. <c>truck_mismatch</c>.</summary>
    public string Code => Reason.Code();

    public override string ToString() => $"{Code}: {Message}";
}
