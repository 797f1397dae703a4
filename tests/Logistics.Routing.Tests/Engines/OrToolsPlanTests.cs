using Logistics.Routing.Engines;
using Logistics.Routing.Planning;
using Logistics.Routing.Planning.Editing;
using Logistics.Routing.Solver;
using Logistics.Routing.Tests.Planning;
using Logistics.Routing.Tests.Planning.Editing;

namespace Logistics.Routing.Tests.Engines;

/// <summary>The dispatcher's day through OR-Tools: the same plan shape, the same reasons for what is left out,
/// locked routes kept on re-optimisation, and the plan saying which engine made it.</summary>
public class OrToolsPlanTests
{
    private static readonly SolverOptions OrTools = new() { Engine = RoutingEngines.OrTools, TimeLimit = TimeSpan.FromSeconds(1) };

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
