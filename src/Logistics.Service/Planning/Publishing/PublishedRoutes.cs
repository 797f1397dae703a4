using Logistics.Data.Plans;
using Logistics.Service.Configuration;
using Logistics.Service.Excursions;
using Microsoft.Extensions.Options;

namespace Logistics.Service.Planning.Publishing;

/// <summary><see cref="IPublishedRoutes"/> from the recorded publications: the route as it was sent, its day
/// from departure to return turned into instants with the site's time zone.</summary>
public sealed class PublishedRoutes(PlanStore store, IOptions<SiteOptions> site) : IPublishedRoutes
{
    public async Task<IReadOnlyList<PublishedRoute>> FindAsync(string truckId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var publications = await store.PublicationsOfTruckAsync(truckId, cancellationToken);
        return publications
            .GroupBy(p => p.Date)
            .Select(day => day.MaxBy(p => p.PublishedAt)!)
            .Select(p => (Publication: p, Start: site.Value.ToInstant(p.Date, p.Route.Departure), End: site.Value.ToInstant(p.Date, p.Route.Return)))
            .Where(p => p.Start <= to && p.End >= from)
            .OrderBy(p => p.Start)
            .Select(p => new PublishedRoute(p.Publication.PlanId, p.Publication.Date, truckId, p.Publication.Route, p.Publication.PublishedAt))
            .ToList();
    }
}
