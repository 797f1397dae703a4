using Logistics.Routing.Instances;

namespace Logistics.Routing.Tests.Instances;

public class BenchmarkSolutionCheckerTests
{
    [Theory]
    [MemberData(nameof(BenchmarkData.SolomonSolutions), MemberType = typeof(BenchmarkData))]
    public void Reproduces_every_solomon_distance_only_bks(string solutionFile)
    {
        var name = Path.GetFileNameWithoutExtension(solutionFile);
        var instance = SolomonReader.Read(BenchmarkData.Solomon(name + ".txt"));
        var solution = SolutionFile.Read(Path.Combine(BenchmarkData.Folder, "solomon", "solutions_distance_only", solutionFile));
        var bks = BksTable.Read(BenchmarkData.Solomon("bks_distance_only.csv")).Find(name);

        var report = BenchmarkSolutionChecker.Check(instance, solution.Routes);

        Assert.Empty(report.Violations);
        Assert.NotNull(bks);
        Assert.Equal(solution.Cost!.Value, report.Distance, 6);
        Assert.Equal(bks.Distance, report.Distance, 6);
        Assert.Equal(bks.Vehicles, report.Vehicles);
    }

    [Theory]
    [MemberData(nameof(BenchmarkData.CvrplibSolutions), MemberType = typeof(BenchmarkData))]
    public void Reproduces_every_cvrplib_bks(string solutionFile)
    {
        var name = Path.GetFileNameWithoutExtension(solutionFile);
        var instance = CvrplibReader.Read(BenchmarkData.Cvrplib(name + ".vrp"));
        var solution = SolutionFile.Read(BenchmarkData.Cvrplib(solutionFile));
        var bks = BksTable.Read(BenchmarkData.Cvrplib("bks.csv")).Find(name);
        var routes = solution.Routes.Select(r => (IReadOnlyList<int>)r.Select(c => c + instance.SolutionFileOffset).ToArray());

        var report = BenchmarkSolutionChecker.Check(instance, routes);

        Assert.Empty(report.Violations);
        Assert.NotNull(bks);
        Assert.Equal(solution.Cost!.Value, report.Distance);
        Assert.Equal(bks.Distance, report.Distance);
        Assert.Equal(bks.Vehicles, report.Vehicles);
    }

    [Theory]
    [MemberData(nameof(BenchmarkData.HombergerSolutions), MemberType = typeof(BenchmarkData))]
    public void Reproduces_every_homberger_hierarchical_bks_with_real_distances(string solutionFile)
    {
        var name = solutionFile[..solutionFile.IndexOf('.')]; // c1_2_1.20_2704.5678.txt
        var instance = SolomonReader.Read(BenchmarkData.Homberger(name + ".txt"), DistanceConvention.Real);
        var solution = SolutionFile.Read(Path.Combine(BenchmarkData.Folder, "homberger", "solutions_hierarchical", solutionFile));
        var bks = BksTable.Read(BenchmarkData.Homberger("bks.csv")).Find(name);

        var report = BenchmarkSolutionChecker.Check(instance, solution.Routes);

        Assert.Empty(report.Violations);
        Assert.NotNull(bks);
        Assert.Equal(bks.Vehicles, report.Vehicles);
        // The table gives four decimals.
        Assert.InRange(report.Distance, bks.Distance - 0.00005, bks.Distance + 0.00005);
    }

    [Fact]
    public void Dimacs_truncation_lowers_solomon_costs_as_the_readme_says()
    {
        // README: truncation lowers a 100-customer solution by roughly 5 units (about 0.3-0.6%).
        var relative = new List<double>();
        foreach (var file in BenchmarkData.SolomonSolutionFiles())
        {
            var instance = SolomonReader.Read(BenchmarkData.Solomon(Path.ChangeExtension(file, ".txt")));
            var routes = SolutionFile.Read(Path.Combine(BenchmarkData.Folder, "solomon", "solutions_distance_only", file)).Routes;
            var truncated = BenchmarkSolutionChecker.Check(instance, routes, DistanceConvention.Dimacs).Distance;
            var real = BenchmarkSolutionChecker.Check(instance, routes, DistanceConvention.Real).Distance;
            var arcs = routes.Sum(r => r.Count + 1);

            Assert.InRange(real - truncated, 0.0, 0.1 * arcs);
            relative.Add((real - truncated) / real);
        }
        Assert.InRange(relative.Max(), 0.001, 0.0065);
        Assert.InRange(relative.Average(), 0.003, 0.006);
    }

    [Fact]
    public void Waiting_for_a_window_to_open_is_allowed()
    {
        var instance = Tiny(fleet: 2, depotDue: 200, ("1", 10, 0, 5, 50, 60, 10));

        var report = BenchmarkSolutionChecker.Check(instance, [[1]]);

        Assert.Empty(report.Violations);
        Assert.Equal(20, report.Distance);
    }

    [Fact]
    public void Detects_a_missing_customer()
    {
        var (instance, routes) = C101Bks();
        routes[0] = routes[0].Where(c => c != 75).ToArray();

        var violation = Assert.Single(BenchmarkSolutionChecker.Check(instance, routes).Violations);

        Assert.Equal((ViolationKind.MissingCustomer, (int?)null, (int?)75), (violation.Kind, violation.Route, violation.Customer));
    }

    [Fact]
    public void Detects_a_duplicate_visit()
    {
        var (instance, routes) = C101Bks();
        routes[9] = [.. routes[9], 75];

        var violations = BenchmarkSolutionChecker.Check(instance, routes).Violations;

        var duplicate = Assert.Single(violations, v => v.Kind == ViolationKind.DuplicateVisit);
        Assert.Equal((10, 75), (duplicate.Route, duplicate.Customer));
        Assert.Contains("routes 1, 10", duplicate.Message);
    }

    [Fact]
    public void Detects_unknown_customers_and_the_depot_as_a_stop()
    {
        var (instance, routes) = C101Bks();
        routes[2] = [.. routes[2], 101, 0];

        var violations = BenchmarkSolutionChecker.Check(instance, routes).Violations;

        Assert.Equal([101, 0], violations.Where(v => v.Kind == ViolationKind.UnknownCustomer).Select(v => v.Customer!.Value));
        Assert.All(violations, v => Assert.Equal(3, v.Route));
    }

    [Fact]
    public void Detects_capacity_excess()
    {
        var instance = Tiny(fleet: 2, depotDue: 1000, ("1", 10, 0, 150, 0, 1000, 0), ("2", 20, 0, 60, 0, 1000, 0));

        var violation = Assert.Single(BenchmarkSolutionChecker.Check(instance, [[1, 2]]).Violations);

        Assert.Equal((ViolationKind.CapacityExceeded, (int?)1), (violation.Kind, violation.Route));
        Assert.Contains("carries 210, capacity 200", violation.Message);
    }

    [Fact]
    public void Detects_a_late_service_start()
    {
        // Serving 2 first brings the vehicle to 1 at time 30, after its due date 15.
        var instance = Tiny(fleet: 2, depotDue: 1000, ("1", 10, 0, 5, 0, 15, 0), ("2", 20, 0, 5, 0, 1000, 0));

        var violation = Assert.Single(BenchmarkSolutionChecker.Check(instance, [[2, 1]]).Violations);

        Assert.Equal((ViolationKind.LateService, (int?)1, (int?)1), (violation.Kind, violation.Route, violation.Customer));
        Assert.Contains("starts at 30, after its due date 15", violation.Message);
    }

    [Fact]
    public void Reversing_a_c101_route_breaks_its_windows()
    {
        var (instance, routes) = C101Bks();
        routes[1] = routes[1].Reverse().ToArray();

        var violations = BenchmarkSolutionChecker.Check(instance, routes).Violations;

        Assert.Contains(violations, v => v.Kind == ViolationKind.LateService);
        Assert.All(violations, v => Assert.Equal(2, v.Route));
    }

    [Fact]
    public void Detects_a_late_return_to_the_depot()
    {
        // Service at (40,0) starts at 40 and ends at 70; back at the depot at 110 > 100.
        var instance = Tiny(fleet: 1, depotDue: 100, ("1", 40, 0, 5, 0, 100, 30));

        var violation = Assert.Single(BenchmarkSolutionChecker.Check(instance, [[1]]).Violations);

        Assert.Equal((ViolationKind.LateReturn, (int?)1), (violation.Kind, violation.Route));
        Assert.Contains("at 110", violation.Message);
    }

    [Fact]
    public void Detects_more_routes_than_the_fleet()
    {
        var instance = Tiny(fleet: 1, depotDue: 1000, ("1", 10, 0, 5, 0, 1000, 0), ("2", 0, 10, 5, 0, 1000, 0));

        var violation = Assert.Single(BenchmarkSolutionChecker.Check(instance, [[1], [], [2]]).Violations);

        Assert.Equal(ViolationKind.TooManyRoutes, violation.Kind);
        Assert.Equal("2 routes, the fleet has 1 vehicles", violation.Message);
    }

    [Fact]
    public void Cvrplib_has_no_fleet_bound_and_no_time_limit()
    {
        var instance = CvrplibReader.Read(BenchmarkData.Cvrplib("X-n101-k25.vrp"));
        var routes = instance.CustomerNumbers.Select(n => (IReadOnlyList<int>)[n]);

        var report = BenchmarkSolutionChecker.Check(instance, routes);

        Assert.Empty(report.Violations);
        Assert.Equal(100, report.Vehicles);
    }

    private static (BenchmarkInstance Instance, IReadOnlyList<int>[] Routes) C101Bks()
    {
        var instance = SolomonReader.Read(BenchmarkData.Solomon("C101.txt"));
        var routes = SolutionFile.Read(Path.Combine(BenchmarkData.Folder, "solomon", "solutions_distance_only", "C101.sol")).Routes;
        Assert.Empty(BenchmarkSolutionChecker.Check(instance, routes).Violations);
        return (instance, routes.ToArray());
    }

    /// <summary>A Solomon instance with the depot at (0,0), capacity 200 and the given customer rows
    /// (number, x, y, demand, ready, due, service).</summary>
    private static BenchmarkInstance Tiny(int fleet, int depotDue, params (string Number, int X, int Y, int Demand, int Ready, int Due, int Service)[] customers)
    {
        var lines = new List<string>
        {
            "TINY", "", "VEHICLE", "NUMBER     CAPACITY", $"  {fleet}         200", "", "CUSTOMER",
            "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME", " ",
            $"    0      0         0          0          0       {depotDue}          0   ",
        };
        lines.AddRange(customers.Select(c => $"  {c.Number}  {c.X}  {c.Y}  {c.Demand}  {c.Ready}  {c.Due}  {c.Service}"));
        return SolomonReader.Parse(lines, "tiny.txt");
    }
}
