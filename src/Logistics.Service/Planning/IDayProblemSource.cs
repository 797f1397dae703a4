using Logistics.Routing.Planning;
using Logistics.Core.Csv;

namespace Logistics.Service.Planning;

/// <summary>Where a planning job gets the day it plans: the stores, fleet and that date's orders. Bound
/// to the day inputs kept by the service; thread-safe.</summary>
public interface IDayProblemSource
{
    /// <param name="softWindows">Null keeps receiving windows hard.</param>
    /// <exception cref="InputValidationException">The day cannot be planned, naming what is missing (no stores, no fleet, no orders that date).</exception>
    Task<DispatchProblem> LoadProblemAsync(DateOnly date, SoftWindowPolicy? softWindows, CancellationToken cancellationToken);
}
