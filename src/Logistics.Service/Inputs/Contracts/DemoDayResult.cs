namespace Logistics.Service.Inputs.Contracts;

/// <summary>What the demo day saved.</summary>
/// <param name="Vehicles">Vehicles over all types.</param>
public sealed record DemoDayResult(string Date, int Stores, int Orders, int Cartons, int Vehicles);
