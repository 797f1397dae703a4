namespace Logistics.Service.Inputs.Contracts;

/// <summary>A generated Nanning day (the orders simulator): the same seed and size give the same day.</summary>
/// <param name="Date">Delivery date, yyyy-MM-dd; required.</param>
/// <param name="Stores">Size of the store network, 1 … 5000; default 200.</param>
/// <param name="Seed">Default 1.</param>
/// <param name="Trucks">Null sizes the fleet for the day's cartons; otherwise exactly this many trucks (1 … 500).</param>
public sealed record DemoDayRequest(string? Date, int? Stores, int? Seed, int? Trucks);
