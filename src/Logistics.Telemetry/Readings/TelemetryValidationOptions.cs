namespace Logistics.Telemetry.Readings;

/// <summary>Settings of <see cref="TelemetryParser"/>.</summary>
public sealed record TelemetryValidationOptions
{
    /// <summary>Payloads larger than this many bytes are refused (<c>payload_too_large</c>) before
    /// they are parsed. Default 64 KiB: a message with dozens of sensors is under 4 KiB.</summary>
    public int MaxPayloadBytes { get; init; } = 64 * 1024;

    /// <summary>How far the device's <c>ts</c> may be ahead of the receive time. Default 5 minutes.</summary>
    public TimeSpan MaxClockAhead { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The trucks allowed to publish; null (the default) accepts any valid truck id.</summary>
    public IReadOnlySet<string>? Fleet { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting and its value.</summary>
    public void Validate()
    {
        if (MaxPayloadBytes < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxPayloadBytes), MaxPayloadBytes, $"{nameof(MaxPayloadBytes)} must be at least 1, got {MaxPayloadBytes}");
        if (MaxClockAhead < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MaxClockAhead), MaxClockAhead, $"{nameof(MaxClockAhead)} must not be negative, got {MaxClockAhead}");
    }
}
