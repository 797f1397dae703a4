using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Service.Excursions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Logistics.Service.Tests.Excursions;

/// <summary>The service with one published route for truck T-043 yesterday (site time, Asia/Shanghai): depot at 08:00,
/// four stores 20 minutes apart, back at 10:00. Stands in for the plans area's IPublishedRoutes.</summary>
public sealed class ExcursionHost : ServiceHost
{
    public const string Truck = "T-043";
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly DateOnly Date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).Date).AddDays(-1);
    public static readonly Coordinates Depot = new(22.80, 108.30);

    public static readonly PlannedRoute Route = new("van-01", "van", 1, "DC", "DC", new TimeOnly(8, 0), new TimeOnly(10, 0), 40, 20, 120, 300m, true,
    [
        Stop(1, "S-001", "Corner Shop", new(22.82, 108.32), 10, new(8, 20), new(8, 30), 30),
        Stop(2, "S-002", "Market Kiosk", new(22.84, 108.34), 8, new(8, 40), new(8, 50), 22),
        Stop(3, "S-003", "Shop <b>&Co", new(22.86, 108.36), 12, new(9, 10), new(9, 20), 10),
        Stop(4, "S-004", "=HYPERLINK(\"x\")", new(22.88, 108.38), 10, new(9, 30), new(9, 40), 0),
    ]);

    public static DateTimeOffset At(TimeOnly time)
    {
        var local = Date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPublishedRoutes>(new OneRoute()));
    }

    private static PlannedStop Stop(int sequence, string id, string name, Coordinates at, int cartons, TimeOnly arrival, TimeOnly departure, int loadAfter) =>
        new(sequence, id, name, 2, false, at, [$"O-{id}"], cartons, null, arrival, 0, arrival, departure, loadAfter, null);

    private sealed class OneRoute : IPublishedRoutes
    {
        public Task<IReadOnlyList<PublishedRoute>> FindAsync(string truckId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            var overlaps = truckId == Truck && from <= At(Route.Return) && to >= At(Route.Departure);
            IReadOnlyList<PublishedRoute> found = overlaps ? [new PublishedRoute("plan-1", Date, Truck, Route, At(new TimeOnly(7, 0)))] : [];
            return Task.FromResult(found);
        }
    }
}
