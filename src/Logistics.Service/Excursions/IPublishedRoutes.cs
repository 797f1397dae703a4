namespace Logistics.Service.Excursions;

/// <summary>Which published routes a truck drove: the link from telemetry (truck, time) to the plan's
/// stores and orders. Implemented by the plans area; thread-safe.</summary>
public interface IPublishedRoutes
{
    /// <summary>The routes published for <paramref name="truckId"/> whose day (departure to return, in the
    /// site's time zone) overlaps [from, to], latest publication per plan day only, earliest first.</summary>
    Task<IReadOnlyList<PublishedRoute>> FindAsync(string truckId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
