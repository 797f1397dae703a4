using System.Globalization;

namespace Logistics.Simulators.Orders;

/// <summary>Order history of the network that <see cref="OrdersSimulator.Generate"/> builds, consistent with its
/// demo day: every store orders its day volume (the same draw as the day's orders) per delivery, on a schedule of
/// its own (daily, every two or three days, or weekly; on average 70% of the stores on a day, as on the demo
/// day), so that a day of history carries about the demo day's cartons. On top: network growth, the year's
/// pattern (peaks in January, May and October, dips in February and December), the Spring Festival on its real
/// dates (stocking up in the two weeks before, closed over the festival week, slow the week after), noise, and
/// stores opening and closing during the years.</summary>
public static class OrderHistorySimulator
{
    /// <summary>Monthly factors January … December without the Spring Festival, which adds its own peak.</summary>
    private static readonly double[] Months = [1.05, 0.95, 0.95, 1.00, 1.20, 1.00, 0.95, 0.95, 1.05, 1.25, 1.00, 0.80];

    /// <summary>Days between deliveries and the share of stores on each schedule: 0.5 + 0.3/2 + 0.1/3 + 0.1/7 ≈ 0.70
    /// of the stores order on a given day, as <see cref="OrdersSimulator.OrderingShare"/> says.</summary>
    private static readonly (int Days, double Share)[] Schedules = [(1, 0.5), (2, 0.3), (3, 0.1), (7, 0.1)];

    public const double GrowthPerYear = 0.05;
    public const double Noise = 0.15;
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>One row per delivery: store, date, cartons.</summary>
    public sealed record Delivery(string StoreId, DateOnly Date, int Cartons);

    /// <param name="day">The network (and its demo day) to give a history to.</param>
    /// <param name="seed">Seed of the history's own draws; the same seed and network give the same history.</param>
    /// <param name="years">Years of history, ending on <paramref name="end"/> (inclusive).</param>
    public static IReadOnlyList<Delivery> Generate(SimulatedDay day, int seed, double years, DateOnly end)
    {
        if (years <= 0) throw new ArgumentOutOfRangeException(nameof(years), years, "the history needs a positive number of years");
        var random = new Random(seed);
        var start = end.AddDays(-(int)Math.Round(years * 365.25) + 1);
        var days = end.DayNumber - start.DayNumber + 1;
        var orderedOnDay = day.Orders.GroupBy(o => o.StoreId).ToDictionary(g => g.Key, g => g.Sum(o => o.Cartons));
        var deliveries = new List<Delivery>();
        foreach (var store in day.Stores)
        {
            var kind = OrdersSimulator.Kinds.First(k => k.Name == day.StoreKinds[store.Id]);
            var volume = orderedOnDay.TryGetValue(store.Id, out var cartons) ? cartons : OrdersSimulator.DayVolume(kind, store.Tier, random.NextDouble());
            var every = Pick(random);
            var offset = random.Next(every);
            // Most stores were there before the history starts; a fifth open during it, one in twenty closes.
            var opens = random.NextDouble() < 0.2 ? start.AddDays(random.Next(days)) : start;
            var closes = random.NextDouble() < 0.05 ? opens.AddDays(random.Next(Math.Max(1, end.DayNumber - opens.DayNumber))) : end.AddDays(1);
            var ownGrowth = GrowthPerYear + (random.NextDouble() - 0.5) * 0.06;
            for (var date = opens.AddDays(offset); date <= end && date < closes; date = date.AddDays(every))
            {
                var yearsBeforeEnd = (end.DayNumber - date.DayNumber) / 365.25;
                var level = volume * Math.Pow(1 + ownGrowth, -yearsBeforeEnd) * Months[date.Month - 1] * SpringFestival(date);
                var noisy = level * Math.Exp(Noise * Gaussian(random) - Noise * Noise / 2);
                var rounded = (int)Math.Round(noisy);
                if (rounded > 0) deliveries.Add(new Delivery(store.Id, date, rounded));
            }
        }
        return deliveries.OrderBy(d => d.Date).ThenBy(d => d.StoreId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The festival's effect on a day's orders: 2.2 times normal over the two weeks before, 40% of normal
    /// from its eve through its fifth day, 80% the week after. The stocking-up month is January or February as the
    /// festival moves (2025: 29 January, so January; 2026: 17 February, so February).</summary>
    public static double SpringFestival(DateOnly date)
    {
        foreach (var year in new[] { date.Year, date.Year + 1 })
        {
            var festival = DateOnly.FromDateTime(Lunar.ToDateTime(year, 1, 1, 0, 0, 0, 0));
            var days = date.DayNumber - festival.DayNumber;
            if (days is >= -15 and <= -2) return 2.2;
            if (days is >= -1 and <= 5) return 0.4;
            if (days is >= 6 and <= 12) return 0.8;
        }
        return 1;
    }

    /// <summary>Writes <c>store_id,date,cartons</c>, the columns <c>logistics forecast</c> reads.</summary>
    public static void Write(IReadOnlyList<Delivery> deliveries, string path)
    {
        using var writer = new StreamWriter(path);
        writer.Write("store_id,date,cartons\n");
        foreach (var d in deliveries)
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{d.StoreId},{d.Date:yyyy-MM-dd},{d.Cartons}\n"));
    }

    private static int Pick(Random random)
    {
        var x = random.NextDouble();
        foreach (var (days, share) in Schedules)
        {
            x -= share;
            if (x < 0) return days;
        }
        return Schedules[^1].Days;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
