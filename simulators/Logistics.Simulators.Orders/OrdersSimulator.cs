using Logistics.Core;

namespace Logistics.Simulators.Orders;

/// <summary>A seeded store network around Nanning and one day's orders: the same seed and size give
/// the same day, so benchmarks and tests can refer to "1,000 stores, seed 1".</summary>
public static class OrdersSimulator
{
    /// <summary>Nanning's centre; the distribution centre sits a few kilometres out, by the ring road.</summary>
    public static readonly Coordinates City = new(22.82, 108.37);
    public static readonly Coordinates DepotLocation = new(22.79, 108.30);
    public const double RadiusKm = 25;

    internal sealed record Kind(string Name, double Share, int MinCartons, int MaxCartons, string[] Windows, double FixedMin, double PerCartonS);

    // Receiving windows follow each kind's trading day: kiosks early, supermarkets before opening and after lunch.
    internal static readonly Kind[] Kinds =
    [
        new("kiosk", 0.40, 5, 20, ["08:00-11:30", "08:30-12:00;14:00-17:00", "09:00-16:00"], 3, 5),
        new("convenience", 0.35, 10, 60, ["08:00-17:00", "09:00-12:00;14:30-17:30", "10:00-16:00"], 5, 5),
        new("supermarket", 0.10, 50, 200, ["08:00-10:30;14:00-16:00", "07:30-11:00", "13:00-17:00"], 10, 4),
        new("specialty", 0.15, 20, 80, ["09:30-12:00", "10:00-17:30", "09:00-11:00;15:00-17:00"], 6, 6),
    ];

    /// <summary>Share of stores per tier 1 … 5: few top-tier, many ordinary.</summary>
    private static readonly double[] TierShares = [0.02, 0.08, 0.20, 0.30, 0.40];

    public const double OrderingShare = 0.70;
    public const double UrgentShare = 0.03;

    public static SimulatedDay Generate(int stores, int seed, int? trucks = null)
    {
        if (stores <= 0) throw new ArgumentOutOfRangeException(nameof(stores), stores, "the network needs at least one store");
        var random = new Random(seed);
        var storeList = new List<Store>(stores);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var orders = new List<Order>();
        for (var i = 1; i <= stores; i++)
        {
            var id = $"S{i:00000}";
            var kind = Pick(random, Kinds, k => k.Share);
            var tier = new Tier(1 + Pick(random, Enumerable.Range(0, TierShares.Length).ToArray(), t => TierShares[t]));
            var windows = kind.Windows[random.Next(kind.Windows.Length)].Split(';').Select(ParseWindow).ToArray();
            var store = new Store(id, $"{kind.Name} {i}", Place(random), tier, windows,
                TimeSpan.FromMinutes(kind.FixedMin), TimeSpan.FromSeconds(kind.PerCartonS));
            storeList.Add(store);
            kinds[id] = kind.Name;
            if (random.NextDouble() < OrderingShare)
            {
                var cartons = DayVolume(kind, tier, random.NextDouble());
                // A carton of 10 packs weighs about a quarter of a kilogram with its wrapping.
                var weight = Math.Round(cartons * 0.25, 2);
                orders.Add(new Order($"O{orders.Count + 1:000000}", id, cartons, weight, random.NextDouble() < UrgentShare));
            }
        }

        var depot = new Depot("DC1", "Nanning distribution centre", DepotLocation, new TimeWindow(new TimeOnly(7, 0), new TimeOnly(19, 0)));
        return new SimulatedDay(storeList, kinds, orders, depot, trucks is { } n ? TruckFleet(n, depot) : SizeFleet(orders, depot));
    }

    /// <summary>Cartons a store of this kind and tier orders for a day, from a uniform draw <paramref name="u"/>.
    /// Higher tiers sell more: a smaller exponent pushes the draw toward the top of the kind's range.</summary>
    internal static int DayVolume(Kind kind, Tier tier, double u)
    {
        var exponent = 0.5 + 0.25 * (tier.Level - Tier.Top);
        return kind.MinCartons + (int)Math.Round((kind.MaxCartons - kind.MinCartons) * Math.Pow(u, exponent));
    }

    /// <summary>Enough vehicles for the day's cartons with a margin for windows and the clock: a
    /// vehicle is rarely full when its shift ends, so capacity is planned at 60% use.</summary>
    private static IReadOnlyList<VehicleType> SizeFleet(IReadOnlyList<Order> orders, Depot depot)
    {
        var cartons = orders.Sum(o => o.Cartons);
        var shift = new TimeWindow(new TimeOnly(8, 0), new TimeOnly(18, 0));
        var needed = cartons / 0.6;
        var trucks = Math.Max(1, (int)Math.Ceiling(needed * 0.5 / 800));
        var vans = Math.Max(2, (int)Math.Ceiling(needed * 0.5 / 300));
        return
        [
            new VehicleType("van", vans, 300, 900, shift, TimeSpan.FromHours(9), 150m, 1.20m, 35m, depot.Id, depot.Id),
            new VehicleType("truck", trucks, 800, 2500, shift, TimeSpan.FromHours(9), 260m, 2.10m, 45m, depot.Id, depot.Id),
        ];
    }

    /// <summary>A fleet of exactly <paramref name="count"/> trucks, for runs that fix the fleet size.</summary>
    private static IReadOnlyList<VehicleType> TruckFleet(int count, Depot depot) =>
    [
        new VehicleType("truck", count, 800, 2500, new TimeWindow(new TimeOnly(8, 0), new TimeOnly(18, 0)), TimeSpan.FromHours(9),
            260m, 2.10m, 45m, depot.Id, depot.Id),
    ];

    /// <summary>Dense centre, sparse suburbs: the distance from the centre is drawn so that density
    /// falls off with it (r = R·u² puts a quarter of the stores within R/16).</summary>
    private static Coordinates Place(Random random)
    {
        var r = RadiusKm * Math.Pow(random.NextDouble(), 2);
        var angle = random.NextDouble() * 2 * Math.PI;
        var lat = City.Latitude + r * Math.Sin(angle) / 111.2;
        var lon = City.Longitude + r * Math.Cos(angle) / (111.2 * Math.Cos(City.Latitude * Math.PI / 180));
        return new Coordinates(Math.Round(lat, 6), Math.Round(lon, 6));
    }

    private static TimeWindow ParseWindow(string text)
    {
        var ends = text.Split('-');
        return new TimeWindow(TimeOnly.Parse(ends[0], System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(ends[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var x = random.NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0) return item;
        }
        return items[^1];
    }
}
