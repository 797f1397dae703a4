using Logistics.Core;
using Logistics.Routing.Engines;
using Logistics.Routing.Planning;
using Logistics.Routing.Planning.Editing;
using Logistics.Routing.Solver;
using Logistics.Routing.Tests.Planning;
using Logistics.Routing.Tests.Planning.Editing;
using Logistics.Routing.TravelTimes;

namespace Logistics.Routing.Tests.Engines;

/// <summary>The dispatcher's day through OR-Tools: the same plan shape, the same reasons for what is left out,
/// locked routes kept on re-optimisation, and the plan saying which engine made it.</summary>
public class OrToolsPlanTests
{
    /// <summary>Greedy descent ends at its local optimum by itself, long before the limit, so the plans do not depend
    /// on how busy the machine is.</summary>
    private static readonly SolverOptions OrTools = new()
    {
        Engine = RoutingEngines.OrTools, TimeLimit = TimeSpan.FromSeconds(60),
        OrTools = new Logistics.Routing.Engines.OrTools.OrToolsSettings { Metaheuristic = Logistics.Routing.Engines.OrTools.Metaheuristic.GreedyDescent },
    };

    [Fact]
    public void Orders_left_out_get_the_same_reasons_as_with_our_engine()
    {
        var (plan, result) = PlanRunner.Solve(DayFixture.Problem(), OrTools);

        Assert.True(result.IsFeasible);
        var reasons = plan.Unassigned.ToDictionary(u => u.OrderId, u => u.Reason);
        Assert.Equal(UnassignedReason.Capacity, reasons["O-C"]);
        Assert.Equal(UnassignedReason.TimeWindow, reasons["O-D"]);
        Assert.Equal(UnassignedReason.ShiftLength, reasons["O-E"]);
        Assert.All(plan.Routes, r => Assert.True(r.Feasible));
    }

    [Fact]
    public void A_top_tier_order_outweighs_every_lower_order_even_where_the_prizes_exceed_a_long()
    {
        // As TierPriorityTests' day: 152 one-carton stores over eight lower levels and one tier-1 order that fills the
        // only van. OR-Tools weighs the levels in 64 bits; the plan must still serve the tier-1 order alone.
        var stores = new[] { TierStore("VIP", 1, 0.08) }
            .Concat(Enumerable.Range(0, 152).Select(i => TierStore($"S{i:000}", 2 + i % 4, 0.0005 * (i + 1)))).ToArray();
        var orders = new[] { new Order("O-VIP", "VIP", 100) }
            .Concat(Enumerable.Range(0, 152).Select(i => new Order($"O{i:000}", $"S{i:000}", 1, Urgent: i % 8 >= 4))).ToArray();
        var van = new VehicleType("van", 1, 100, null, new TimeWindow(new(8, 0), new(18, 0)), TimeSpan.FromHours(9), 150m, 1.2m, 36m, "DC", "DC");
        var day = new DispatchProblem([DayFixture.Depot], stores, orders, [van], new GreatCircleTravelTimes(),
            new DispatchOptions(new DateOnly(2026, 11, 23)));

        var (plan, _) = PlanRunner.Solve(day, OrTools);

        Assert.Equal(["VIP"], Assert.Single(plan.Routes).Stops.Select(s => s.StoreId));
        Assert.Equal(152, plan.Unassigned.Count);
        Assert.DoesNotContain(plan.Notes, n => n.StartsWith("Tier priority not kept", StringComparison.Ordinal));
    }

    private static Store TierStore(string id, int tier, double east) =>
        new(id, $"Store {id}", new Coordinates(22.80, 108.30 + east), new Tier(tier),
            [new TimeWindow(new(8, 0), new(17, 0))], TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(6));

    [Fact]
    public void The_plan_records_the_engine_and_its_notes_in_its_json()
    {
        var (plan, _) = PlanRunner.Solve(DayFixture.Problem(), OrTools);

        Assert.Equal(RoutingEngines.OrTools, plan.Engine);
        var json = PlanJson.Serialize(plan);
        Assert.Contains("\"engine\": \"ortools\"", json);
        var read = PlanJson.Deserialize(json)!;
        Assert.Equal(RoutingEngines.OrTools, read.Engine);
        Assert.Contains(read.Notes, n => n.Contains("no seed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_saved_before_engines_could_be_chosen_reads_as_made_by_ils()
    {
        var (plan, _) = PlanRunner.Solve(DayFixture.Problem(), new SolverOptions { MaxIterations = 50 });
        var json = System.Text.Json.Nodes.JsonNode.Parse(PlanJson.Serialize(plan))!.AsObject();
        json.Remove("engine");
        json.Remove("notes");

        var read = PlanJson.Deserialize(json.ToJsonString())!;

        Assert.Equal(RoutingEngines.Ils, read.Engine);
        Assert.Empty(read.Notes);
    }

    [Fact]
    public void Re_optimising_with_ortools_keeps_the_locked_route_as_it_was()
    {
        var problem = EditDay.Problem(200);
        var plan = EditDay.Solve(problem);
        var locked = EditDay.RouteOf(plan, "P");

        var (merged, result) = PlanEditor.Reoptimize(problem, plan, [locked.RouteId], OrTools);

        Assert.NotNull(result);
        Assert.Equal(RoutingEngines.OrTools, result.Engine);
        Assert.Equal(RoutingEngines.OrTools, merged.Engine);
        Assert.Same(locked, merged.Routes.Single(r => r.RouteId == locked.RouteId));
        var planned = merged.Routes.SelectMany(r => r.Stops.SelectMany(s => s.OrderIds)).ToList();
        Assert.Equal(EditDay.Orders.Select(o => o.Id).Order(), planned.Order());
        Assert.All(merged.Routes, r => Assert.True(r.Feasible));
    }
}
