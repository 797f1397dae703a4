using Logistics.Core;

namespace Logistics.Service.Inputs.Contracts;

/// <summary>An order of the delivery date given in the query string.</summary>
/// <param name="Urgent">Default false.</param>
public sealed record OrderJson(string? Id, string? StoreId, int? Cartons, double? WeightKg, bool? Urgent)
{
    public static OrderJson From(Order o) => new(o.Id, o.StoreId, o.Cartons, o.WeightKg, o.Urgent);
}
