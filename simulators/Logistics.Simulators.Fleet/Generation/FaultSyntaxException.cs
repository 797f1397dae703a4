namespace Logistics.Simulators.Fleet.Generation;

/// <summary>A <c>--fault</c> value that cannot be read; the message quotes it and says what was expected.</summary>
public sealed class FaultSyntaxException(string message) : FormatException(message);
