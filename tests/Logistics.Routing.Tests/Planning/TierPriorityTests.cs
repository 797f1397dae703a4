using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Routing.Solver;
using Logistics.Routing.TravelTimes;

namespace Logistics.Routing.Tests.Planning;

/// <summary>The tier rule end to end (mapping, solver, plan) when the fleet cannot carry everything.</summary>
public class TierPriorityTests
{
    private static readonly SolverOptions Budget = new() { TimeLimit = TimeSpan.FromSeconds(30), MaxIterations = 400 };

    private static Store Store(string id, int tier, double east) =>
        new(id, $"Store {id}", new Coordinates(22.80, 108.30 + east), new Tier(tier),
            [new TimeWindow(new(8, 0), new(17, 0))], TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(6));

    private static VehicleType Van(int count, int cartons) => new("van", count, cartons, null,
        new TimeWindow(new(8, 0), new(18, 0)), TimeSpan.FromHours(9), 150m, 1.2m, 36m, "DC", "DC");

    private static Plan PlanDay(Store[] stores, Order[] orders, VehicleType van) =>
        PlanRunner.Solve(new DispatchProblem([DayFixture.Depot], stores, orders, [van], new GreatCircleTravelTimes(),
            new DispatchOptions(new DateOnly(2026, 11, 23))), Budget).Plan;

    [Fact]
    public void A_large_top_tier_order_is_served_even_when_five_small_ordinary_ones_would_fill_the_van()
    {
        // 100 cartons of room: the tier-1 order (90) leaves no room for any tier-5 order (20 each),
        // whereas dropping it would let all five tier-5 orders (100) ride. Tier comes first.
        var stores = new[] { Store("VIP", 1, 0.05) }.Concat(Enumerable.Range(1, 5).Select(i => Store($"S{i}", 5, 0.01 * i))).ToArray();
        var orders = new[] { new Order("O-VIP", "VIP", 90) }.Concat(Enumerable.Range(1, 5).Select(i => new Order($"O-S{i}", $"S{i}", 20))).ToArray();

        var plan = PlanDay(stores, orders, Van(1, 100));

        var served = plan.Routes.SelectMany(r => r.Stops).SelectMany(s => s.OrderIds).ToHashSet();
        Assert.Contains("O-VIP", served);
        Assert.Equal(5, plan.Unassigned.Count);
        Assert.All(plan.Unassigned, u => Assert.Equal(5, u.Tier));
    }

    [Fact]
    public void A_top_tier_order_outweighs_every_lower_order_of_a_day_whose_prizes_exceed_a_long()
    {
        // 152 one-carton stores over eight lower levels (tiers 2-5, urgent or not) and one tier-1
        // order that fills the only van: strict priority serves the tier-1 order and leaves all
        // others out. The prizes this needs are beyond a long (a capped ratio would serve the many).
        var stores = new[] { Store("VIP", 1, 0.08) }
            .Concat(Enumerable.Range(0, 152).Select(i => Store($"S{i:000}", 2 + i % 4, 0.0005 * (i + 1)))).ToArray();
        var orders = new[] { new Order("O-VIP", "VIP", 100) }
            .Concat(Enumerable.Range(0, 152).Select(i => new Order($"O{i:000}", $"S{i:000}", 1, Urgent: i % 8 >= 4))).ToArray();

        var plan = PlanDay(stores, orders, Van(1, 100));

        Assert.True(plan.TierPriorityStrict);
        Assert.Equal(["VIP"], Assert.Single(plan.Routes).Stops.Select(s => s.StoreId));
        Assert.Equal(152, plan.Unassigned.Count);
    }

    [Fact]
    public void When_the_fleet_is_short_the_lowest_tiers_are_left_out_first()
    {
        // Two vans of 60 for 12 stores of 15 cartons (180 > 120): 8 stops fit. Two stores per tier
        // 1-5 plus two urgent tier-5 ones; the 4 left out must be the ordinary tier-5 and tier-4 ones.
        var stores = Enumerable.Range(0, 12).Select(i => Store($"S{i:00}", Math.Min(5, i / 2 + 1), 0.004 * (i + 1))).ToArray();
        var orders = stores.Select((s, i) => new Order($"O{i:00}", s.Id, 15, Urgent: i >= 10)).ToArray();

        var plan = PlanDay(stores, orders, Van(2, 60));

        Assert.Equal(4, plan.Unassigned.Count);
        var servedTiers = plan.Routes.SelectMany(r => r.Stops).Select(s => (s.Tier, s.Urgent)).ToList();
        var leftOut = plan.Unassigned.Select(u => (u.Tier, u.Urgent)).ToList();
        Assert.All(leftOut, l => Assert.DoesNotContain(servedTiers, s => s.Tier > l.Tier || s.Tier == l.Tier && !s.Urgent && l.Urgent));
        Assert.All(plan.Unassigned, u => Assert.Equal(UnassignedReason.FleetFull, u.Reason));
    }

    [Fact]
    public void In_a_route_the_top_tier_store_is_served_first_when_the_order_costs_the_same()
    {
        // Two stores at the same place, one tier 1 and one tier 5: either order costs the same to
        // drive, so the tier-1 store is served first.
        var stores = new[] { Store("ORD", 5, 0.02), Store("VIP", 1, 0.02) };
        var orders = new[] { new Order("O-ORD", "ORD", 10), new Order("O-VIP", "VIP", 10) };

        var plan = PlanDay(stores, orders, Van(1, 100));

        Assert.Equal(["VIP", "ORD"], Assert.Single(plan.Routes).Stops.Select(s => s.StoreId));
    }

    [Fact]
    public void Every_stop_of_a_generated_day_is_served_within_its_window_and_every_route_within_its_shift()
    {
        var stores = Enumerable.Range(0, 30).Select(i => new Store($"S{i:00}", $"Store {i}",
            new Coordinates(22.80 + 0.002 * (i % 6), 108.30 + 0.003 * (i / 6)), new Tier(1 + i % 5),
            [new TimeWindow(new TimeOnly(8 + i % 6, 0), new TimeOnly(10 + i % 6, 0))],
            TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(6))).ToArray();
        var orders = stores.Select((s, i) => new Order($"O{i:00}", s.Id, 10 + i % 7)).ToArray();

        var plan = PlanDay(stores, orders, Van(4, 120));

        Assert.Empty(plan.Unassigned);
        var windows = stores.ToDictionary(s => s.Id, s => s.ReceivingWindows[0]);
        foreach (var route in plan.Routes)
        {
            Assert.True(route.Feasible);
            Assert.True(route.Departure >= new TimeOnly(8, 0) && route.Return <= new TimeOnly(18, 0), $"{route.RouteId} {route.Departure}-{route.Return}");
            Assert.True(route.Cartons <= 120);
            foreach (var stop in route.Stops)
            {
                var w = windows[stop.StoreId];
                Assert.True(stop.ServiceStart >= w.Start && stop.ServiceStart <= w.End, $"{stop.StoreId} served at {stop.ServiceStart}, window {w}");
            }
        }
    }
}
