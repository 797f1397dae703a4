namespace Logistics.Simulators.Fleet.Generation;

/// <summary>A plan file that cannot be followed; the message names the file, the JSON path and the value.</summary>
public sealed class PlanFormatException(string message, Exception? inner = null) : FormatException(message, inner);
