namespace Logistics.Service.Excursions;

/// <summary>One stop's cartons against an excursion: on board from the depot departure until the truck left the
/// store, and how much of that overlapped the excursion.</summary>
/// <param name="ActualArrival">When the truck was first at the store (door open, or in range); null when only the plan is known.</param>
/// <param name="OnBoardUntil">When the truck left the store: its last time there, or the planned departure.</param>
public sealed record DeliveryExposure(
    int Sequence,
    string StoreId,
    string StoreName,
    int Tier,
    IReadOnlyList<string> OrderIds,
    int Cartons,
    DateTimeOffset PlannedArrival,
    DateTimeOffset? ActualArrival,
    StopTimeSource ActualSource,
    DateTimeOffset OnBoardFrom,
    DateTimeOffset OnBoardUntil,
    double ExposureMinutes)
{
    public bool Affected => ExposureMinutes > 0;
}
