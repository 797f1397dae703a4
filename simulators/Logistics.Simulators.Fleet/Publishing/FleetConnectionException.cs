namespace Logistics.Simulators.Fleet.Publishing;

/// <summary>The fleet could not get onto the broker: a missing account, a refused or failed connection.</summary>
public sealed class FleetConnectionException(string message) : Exception(message);
