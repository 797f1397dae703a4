namespace Logistics.Simulators.Fleet.Generation;

/// <summary>What acts on the cargo air during one step of the simulation.</summary>
public readonly record struct CargoConditions(bool DoorOpen, bool Raining, bool ReeferFailed, double AmbientTemperatureC, double AmbientHumidityPct);
