namespace Logistics.Service.Planning.Contracts;

/// <summary>POST /api/plans/{id}/publish: route id → truck id for the routes not sent to their default truck.</summary>
public sealed record PublishRequest(IReadOnlyDictionary<string, string>? Trucks);
