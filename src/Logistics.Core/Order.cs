namespace Logistics.Core;

/// <summary>What one store ordered for the day.</summary>
/// <param name="WeightKg">Gross weight when the order system knows it; null otherwise.</param>
/// <param name="Urgent">Urgent orders rank above the non-urgent ones of the same tier.</param>
public sealed record Order(string Id, string StoreId, int Cartons, double? WeightKg = null, bool Urgent = false)
{
    public string Id { get; } = Guard.NotBlank(Id, nameof(Id));
    public string StoreId { get; } = Guard.NotBlank(StoreId, nameof(StoreId));
    public int Cartons { get; } = Guard.Positive(Cartons, nameof(Cartons));
    public double? WeightKg { get; } = Guard.PositiveOrNull(WeightKg, nameof(WeightKg));
}
