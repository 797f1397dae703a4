using Logistics.Routing.Planning;
using Logistics.Routing.Planning.Editing;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Planning.Editing;

public class PlanEditorTests
{
    [Fact]
    public void Rebuilding_a_plan_and_timing_it_again_gives_the_same_routes()
    {
        var problem = EditDay.Problem(200);
        var plan = EditDay.Solve(problem);
        var mapped = ProblemMapper.Map(problem);

        var again = PlanBuilder.Build(mapped, PlanEditor.Rebuild(mapped, plan));

        Assert.Equal(2, plan.Routes.Count);
        Assert.Equal(plan.Routes.Select(Describe), again.Routes.Select(Describe));
        Assert.Equal(plan.Totals.Cost, again.Totals.Cost);
    }

    [Fact]
    public void A_store_moved_to_a_route_with_room_leaves_its_old_route_and_both_are_timed_again()
    {
        var problem = EditDay.Problem(200);
        var plan = EditDay.Solve(problem);
        var from = EditDay.RouteOf(plan, "S1");
        var to = plan.Routes.Single(r => r.RouteId != from.RouteId);

        var result = PlanEditor.Move(ProblemMapper.Map(problem), plan, "S1", to.RouteId);

        Assert.Null(result.Refusal);
        var moved = result.Plan!;
        Assert.Equal(to.RouteId, EditDay.RouteOf(moved, "S1").RouteId);
        var newTo = moved.Routes.Single(r => r.RouteId == to.RouteId);
        var newFrom = moved.Routes.Single(r => r.RouteId == from.RouteId);
        Assert.Equal(to.Cartons + 30, newTo.Cartons);
        Assert.Equal(from.Cartons - 30, newFrom.Cartons);
        Assert.Equal(to.Stops.Count + 1, newTo.Stops.Count);
        Assert.All(moved.Routes, r => Assert.True(r.Feasible));
        // Loads and sequence numbers follow the new order of stops.
        Assert.Equal(Enumerable.Range(1, newTo.Stops.Count), newTo.Stops.Select(s => s.Sequence));
        Assert.Equal(0, newTo.Stops[^1].LoadAfterCartons);
        Assert.Equal(newTo.Cartons - newTo.Stops[0].Cartons, newTo.Stops[0].LoadAfterCartons);
        Assert.Equal(plan.Totals.Orders, moved.Totals.Orders);
    }

    [Fact]
    public void A_move_beyond_the_vans_capacity_is_refused_naming_the_cartons()
    {
        var problem = EditDay.Problem(110);
        var plan = EditDay.Solve(problem);
        var from = EditDay.RouteOf(plan, "S2");
        var to = plan.Routes.Single(r => r.RouteId != from.RouteId);

        var result = PlanEditor.Move(ProblemMapper.Map(problem), plan, "S2", to.RouteId);

        Assert.Null(result.Plan);
        Assert.Equal(MoveRefusalReason.Capacity, result.Refusal!.Reason);
        Assert.Contains($"{to.Cartons + 30} cartons", result.Refusal.Message);
        Assert.Contains("holds 110", result.Refusal.Message);
    }

    [Fact]
    public void A_move_that_makes_a_window_unreachable_is_refused_as_a_window_problem()
    {
        var problem = EditDay.Problem(200);
        var plan = EditDay.Solve(problem);
        var p = EditDay.RouteOf(plan, "P");
        Assert.NotEqual(p.RouteId, EditDay.RouteOf(plan, "Q").RouteId);

        var result = PlanEditor.Move(ProblemMapper.Map(problem), plan, "Q", p.RouteId);

        Assert.Null(result.Plan);
        Assert.Equal(MoveRefusalReason.ReceivingWindow, result.Refusal!.Reason);
        Assert.Contains("09:00-09:10", result.Refusal.Message);
    }

    [Fact]
    public void Unknown_stores_and_routes_and_a_store_already_on_the_route_name_the_field()
    {
        var problem = EditDay.Problem(200);
        var plan = EditDay.Solve(problem);
        var mapped = ProblemMapper.Map(problem);

        Assert.Equal("storeId", Assert.Throws<PlanEditException>(() => PlanEditor.Move(mapped, plan, "NOPE", plan.Routes[0].RouteId)).Field);
        Assert.Equal("toRouteId", Assert.Throws<PlanEditException>(() => PlanEditor.Move(mapped, plan, "S1", "truck-99")).Field);
        var already = Assert.Throws<PlanEditException>(() => PlanEditor.Move(mapped, plan, "S1", EditDay.RouteOf(plan, "S1").RouteId));
        Assert.Contains("already", already.Message);
    }

    [Fact]
    public void Reoptimising_keeps_locked_routes_identical_and_plans_every_other_order_once()
    {
        var problem = EditDay.Problem(200);
        var plan = EditDay.Solve(problem);
        var locked = EditDay.RouteOf(plan, "P");

        var (merged, result) = PlanEditor.Reoptimize(problem, plan, [locked.RouteId],
            new SolverOptions { TimeLimit = TimeSpan.FromSeconds(5), MaxIterations = 200, Seed = 9 });

        Assert.NotNull(result);
        Assert.Same(locked, merged.Routes.Single(r => r.RouteId == locked.RouteId));
        var planned = merged.Routes.SelectMany(r => r.Stops.SelectMany(s => s.OrderIds)).Concat(merged.Unassigned.Select(u => u.OrderId)).ToList();
        Assert.Equal(EditDay.Orders.Select(o => o.Id).Order(), planned.Order());
        Assert.Equal(merged.Routes.Count, merged.Routes.Select(r => r.RouteId).Distinct().Count());
        Assert.Throws<PlanEditException>(() => PlanEditor.Reoptimize(problem, plan, ["van-77"], new SolverOptions()));
    }

    private static string Describe(PlannedRoute r) =>
        $"{r.RouteId} {r.Departure} {string.Join(' ', r.Stops.Select(s => $"{s.StoreId}@{s.ServiceStart}"))} {r.Return}";
}
