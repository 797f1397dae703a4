using Logistics.Core.Csv;
namespace Logistics.Routing.TravelTimes;

/// <summary>Where distances and driving times come from: an estimate from coordinates or a matrix
/// from a routing engine. Implementations are immutable and thread-safe.</summary>
public interface ITravelTimes
{
    /// <summary>The matrices over <paramref name="locations"/>, in their order.</summary>
    /// <exception cref="Logistics.Core.Csv.InputValidationException">A pair the source does not know.</exception>
    TravelMatrices Compute(IReadOnlyList<TravelLocation> locations);
}
