using System.Diagnostics.CodeAnalysis;

namespace Logistics.Telemetry.Readings;

/// <summary>What <see cref="TelemetryParser.ParseTelemetry"/> made of one message: either accepted
/// (<see cref="Message"/>, possibly with <see cref="Faults"/>) or refused (<see cref="Rejection"/>).</summary>
public sealed class TelemetryParseResult
{
    private TelemetryParseResult(TelemetryMessage? message, IReadOnlyList<SensorFault> faults, TelemetryRejection? rejection)
    {
        Message = message;
        Faults = faults;
        Rejection = rejection;
    }

    /// <summary>The accepted message, without the quantities listed in <see cref="Faults"/>. Its
    /// <see cref="TelemetryMessage.Readings"/> is empty only when every quantity was faulty; its
    /// door and location are kept even then.</summary>
    public TelemetryMessage? Message { get; }

    /// <summary>Impossible values taken out of an accepted message; empty for a refused one.</summary>
    public IReadOnlyList<SensorFault> Faults { get; }

    /// <summary>Why the message was refused; null when it was accepted.</summary>
    public TelemetryRejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => Message is not null;

    public static TelemetryParseResult Accepted(TelemetryMessage message, IReadOnlyList<SensorFault> faults) =>
        new(message ?? throw new ArgumentNullException(nameof(message)), faults, null);

    public static TelemetryParseResult Rejected(TelemetryRejection rejection) =>
        new(null, [], rejection ?? throw new ArgumentNullException(nameof(rejection)));
}
