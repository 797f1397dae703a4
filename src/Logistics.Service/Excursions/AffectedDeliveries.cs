using Logistics.Service.Api;

namespace Logistics.Service.Excursions;

/// <summary>The deliveries whose cartons were on board during an excursion. Plan and route are null when no
/// published route of the truck covers the excursion.</summary>
public sealed record AffectedDeliveries(ExcursionSummary Excursion, string? PlanId, string? RouteId, string Truck,
    IReadOnlyList<AffectedDeliveries.Delivery> Deliveries)
{
    /// <param name="ActualSource">"door", "position" or "planned": where <paramref name="OnBoardUntil"/> came from.</param>
    public sealed record Delivery(int Sequence, string StoreId, string StoreName, int Tier, IReadOnlyList<string> OrderIds, int Cartons,
        DateTimeOffset PlannedArrival, DateTimeOffset? ActualArrival, string ActualSource, DateTimeOffset OnBoardFrom,
        DateTimeOffset OnBoardUntil, double ExposureMinutes)
    {
        public static Delivery From(DeliveryExposure d) => new(d.Sequence, d.StoreId, d.StoreName, d.Tier, d.OrderIds, d.Cartons,
            d.PlannedArrival, d.ActualArrival, ApiNames.Of(d.ActualSource), d.OnBoardFrom, d.OnBoardUntil, d.ExposureMinutes);
    }
}
