using Logistics.Routing.Planning;
using Logistics.Scenarios;
using Logistics.Simulators.Orders;

namespace Logistics.Simulators.Tests.Orders;

public sealed class OrdersSimulatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"orders-sim-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Write(int stores, int seed, string name)
    {
        var folder = Path.Combine(_root, name);
        DayFiles.Write(OrdersSimulator.Generate(stores, seed), folder);
        return folder;
    }

    [Fact]
    public void The_same_seed_writes_identical_files_and_another_seed_does_not()
    {
        var first = Write(200, 1, "a");
        var again = Write(200, 1, "b");
        var other = Write(200, 2, "c");
        foreach (var file in new[] { DayFiles.Stores, DayFiles.Orders, DayFiles.Fleet })
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(again, file)));
        Assert.NotEqual(File.ReadAllText(Path.Combine(first, DayFiles.Stores)), File.ReadAllText(Path.Combine(other, DayFiles.Stores)));
    }

    [Fact]
    public void Its_files_read_back_without_errors()
    {
        var folder = Write(1000, 7, "day");
        var problem = PlanRunner.Load(Path.Combine(folder, DayFiles.Stores), Path.Combine(folder, DayFiles.Orders),
            Path.Combine(folder, DayFiles.Fleet), new DateOnly(2026, 11, 23));

        Assert.Equal(1000, problem.Stores.Count);
        Assert.InRange(problem.Orders.Count, 620, 780);
        Assert.Contains(problem.Stores, s => s.ReceivingWindows.Count == 2);
        Assert.Single(problem.Depots);
        Assert.True(problem.Fleet.Sum(v => v.Count * v.CapacityCartons) >= problem.Orders.Sum(o => o.Cartons));
        var mapped = ProblemMapper.Map(problem);
        Assert.Equal(problem.Orders.Count, mapped.Stops.Sum(s => s.Orders.Count));
    }

    [Fact]
    public void Few_stores_are_top_tier_and_many_are_ordinary()
    {
        var day = OrdersSimulator.Generate(3000, 1);
        var byTier = day.Stores.GroupBy(s => s.Tier.Level).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(byTier[1], 30, 100);
        Assert.InRange(byTier[5], 1050, 1350);
        Assert.All(day.Orders.Where(o => day.StoreKinds[o.StoreId] == "kiosk"), o => Assert.InRange(o.Cartons, 5, 20));
        Assert.All(day.Orders.Where(o => day.StoreKinds[o.StoreId] == "supermarket"), o => Assert.InRange(o.Cartons, 50, 200));
        Assert.Contains(day.Orders, o => o.Urgent);
        Assert.All(day.Stores, s => Assert.InRange(Logistics.Routing.TravelTimes.GreatCircle.Metres(s.Location, OrdersSimulator.City), 0, 25_100));
    }
}
