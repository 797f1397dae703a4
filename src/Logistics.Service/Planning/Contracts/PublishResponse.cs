namespace Logistics.Service.Planning.Contracts;

/// <summary>Which truck got which route (route id → truck id).</summary>
public sealed record PublishResponse(IReadOnlyDictionary<string, string> Trucks);
