namespace Logistics.Service.Excursions;

/// <summary>Where a stop's actual times came from, best first.</summary>
public enum StopTimeSource
{
    /// <summary>Positions within <see cref="DeliveryExposureCalculator.StopRadiusMetres"/> of the store with the cargo door open.</summary>
    Door,
    /// <summary>Positions within range of the store, the door not reported open there.</summary>
    Position,
    /// <summary>No position near the store: the plan's times.</summary>
    Planned,
}
