namespace Logistics.Service.Inputs.Contracts;

/// <summary>How many items replaced the previous list (vehicle types for the fleet).</summary>
public sealed record ImportResult(int Imported);
