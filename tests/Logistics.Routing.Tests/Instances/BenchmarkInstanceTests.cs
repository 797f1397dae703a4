using Logistics.Routing.Instances;
using Logistics.Routing.Model;

namespace Logistics.Routing.Tests.Instances;

public class BenchmarkInstanceTests
{
    [Theory]
    [MemberData(nameof(BenchmarkData.SolomonSolutions), MemberType = typeof(BenchmarkData))]
    public void The_solver_problem_prices_solomon_bks_routes_like_the_checker(string solutionFile)
    {
        var instance = SolomonReader.Read(BenchmarkData.Solomon(Path.ChangeExtension(solutionFile, ".txt")));
        var solution = SolutionFile.Read(Path.Combine(BenchmarkData.Folder, "solomon", "solutions_distance_only", solutionFile));

        var schedules = ToClientIndices(instance, solution.Routes).Select(r => RouteSchedule.Compute(instance.Problem, r)).ToArray();

        Assert.All(schedules, s => Assert.True(s.IsFeasible));
        Assert.Equal(solution.Cost!.Value, instance.ToReportedDistance(schedules.Sum(s => s.Distance)), 6);
    }

    [Theory]
    [MemberData(nameof(BenchmarkData.CvrplibSolutions), MemberType = typeof(BenchmarkData))]
    public void The_solver_problem_prices_cvrplib_bks_routes_like_the_checker(string solutionFile)
    {
        var instance = CvrplibReader.Read(BenchmarkData.Cvrplib(Path.ChangeExtension(solutionFile, ".vrp")));
        var solution = SolutionFile.Read(BenchmarkData.Cvrplib(solutionFile));
        var routes = solution.Routes.Select(r => (IReadOnlyList<int>)r.Select(c => c + instance.SolutionFileOffset).ToArray()).ToArray();

        var schedules = ToClientIndices(instance, routes).Select(r => RouteSchedule.Compute(instance.Problem, r)).ToArray();

        Assert.All(schedules, s => Assert.True(s.IsFeasible));
        Assert.Equal((long)solution.Cost!.Value, schedules.Sum(s => s.Distance));
    }

    [Fact]
    public void Homberger_bks_routes_stay_feasible_with_the_real_convention_travel_times()
    {
        var instance = SolomonReader.Read(BenchmarkData.Homberger("rc1_2_1.txt"), DistanceConvention.Real);
        var solution = SolutionFile.Read(Path.Combine(BenchmarkData.Folder, "homberger", "solutions_hierarchical", "rc1_2_1.18_3602.8039.txt"));

        var schedules = ToClientIndices(instance, solution.Routes).Select(r => RouteSchedule.Compute(instance.Problem, r)).ToArray();

        Assert.All(schedules, s => Assert.True(s.IsFeasible));
        Assert.InRange(instance.ToReportedDistance(schedules.Sum(s => s.Distance)), 3602.80, 3602.81);
    }

    [Fact]
    public void WithConvention_keeps_the_raw_data_and_rebuilds_the_problem()
    {
        var dimacs = SolomonReader.Read(BenchmarkData.Solomon("RC208.txt"));

        var real = dimacs.WithConvention(DistanceConvention.Real);

        Assert.Same(dimacs, dimacs.WithConvention(DistanceConvention.Dimacs));
        Assert.Equal(DistanceConvention.Real, real.Convention);
        Assert.Same(dimacs.Customers, real.Customers);
        Assert.Equal(dimacs.Problem.Clients[0].WindowStart * 1000, real.Problem.Clients[0].WindowStart);
        Assert.Equal(dimacs.Problem.VehicleTypes[0].ShiftEnd * 1000, real.Problem.VehicleTypes[0].ShiftEnd);
    }

    [Fact]
    public void Client_index_and_customer_number_map_both_ways()
    {
        var instance = CvrplibReader.Read(BenchmarkData.Cvrplib("X-n101-k25.vrp"));

        Assert.Equal(0, instance.ClientIndexOf(2));
        Assert.Equal(99, instance.ClientIndexOf(101));
        Assert.Null(instance.ClientIndexOf(1)); // the depot
        Assert.Equal("101", instance.Problem.Clients[99].Id);
        Assert.Equal(101, instance.CustomerNumbers[99]);
    }

    private static IEnumerable<SolutionRoute> ToClientIndices(BenchmarkInstance instance, IEnumerable<IReadOnlyList<int>> routes) =>
        routes.Select(r => new SolutionRoute(0, r.Select(c => instance.ClientIndexOf(c)!.Value).ToArray()));
}
