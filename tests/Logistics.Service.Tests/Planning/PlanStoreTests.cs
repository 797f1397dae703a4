using Logistics.Data;
using Logistics.Data.Inputs;
using Logistics.Data.Plans;
using Logistics.Routing.Planning;
using Logistics.Routing.Solver;
using Logistics.Service.Planning;

namespace Logistics.Service.Tests.Planning;

/// <summary>On both providers (<see cref="TestDatabase.Providers"/>).</summary>
public class PlanStoreTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Inputs_and_plan_come_back_as_they_were_stored_and_a_job_is_claimed_only_once(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = new LogisticsDatabase(test.Database);
        await database.MigrateAsync();
        var store = new PlanStore(database);
        var problems = new DayProblems(new DayInputStore(database));
        await PlanningHost.SaveDayAsync(new DayInputStore(database), stores: 30, seed: 2);
        var problem = await problems.LoadAsync(PlanningHost.Day, new SoftWindowPolicy(TimeSpan.FromMinutes(30), 45m), CancellationToken.None);
        var (plan, _) = PlanRunner.Solve(problem, new SolverOptions { TimeLimit = TimeSpan.FromSeconds(2), MaxIterations = 100 });
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
        await store.CreateAsync(new PlanRecord("p_1", PlanningHost.Day, PlanStatus.Queued, null, at, null, null,
            new PlanJobOptions(5, 9, true, ["van-01"]), null, null, null, null), DayProblems.ToPlanInputs(problem));

        Assert.Equal(new Logistics.Data.Jobs.JobClaim("p_1", null, 1), await store.ClaimAsync(at));
        Assert.Null(await store.ClaimAsync(at));
        await store.FinishAsync("p_1", PlanStatus.Succeeded, plan, new PlanProgress(2, 5, 1, plan.Totals.Cost, plan.Routes.Count, 0), null, null, at);

        var record = (await store.GetAsync("p_1"))!;
        Assert.Equal(PlanStatus.Succeeded, record.Status);
        Assert.Equal(new PlanJobOptions(5, 9, true, ["van-01"]).LockedRouteIds, record.Options.LockedRouteIds);
        Assert.Equal(PlanJson.Serialize(plan), PlanJson.Serialize(record.Plan!));
        var inputs = DayProblems.FromPlanInputs((await store.GetInputsAsync("p_1"))!);
        Assert.Equal(problem.Options.SoftWindows, inputs.Options.SoftWindows);
        Assert.Equal(problem.Stores.Select(Describe), inputs.Stores.Select(Describe));
        Assert.Equal(problem.Orders, inputs.Orders);
        Assert.Equal(problem.Fleet.Select(v => (v.Id, v.Count, v.CapacityCartons, v.Shift, v.CostPerKm)), inputs.Fleet.Select(v => (v.Id, v.Count, v.CapacityCartons, v.Shift, v.CostPerKm)));
        // Timing the stored plan again on the stored inputs reproduces it: what moves and re-optimisation rely on.
        var again = PlanBuilder.Build(ProblemMapper.Map(inputs), Logistics.Routing.Planning.Editing.PlanEditor.Rebuild(ProblemMapper.Map(inputs), record.Plan!));
        Assert.Equal(PlanJson.Serialize(plan), PlanJson.Serialize(again));
    }

    // Records compare their window lists by reference; the windows themselves are what must survive.
    private static string Describe(Logistics.Core.Store s) => $"{s} {string.Join(';', s.ReceivingWindows)}";
}
