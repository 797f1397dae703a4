using Logistics.Routing.Instances;

namespace Logistics.Routing.Tests.Instances;

public class SolutionFileTests
{
    [Fact]
    public void Reads_a_solomon_solution()
    {
        var solution = SolutionFile.Read(Path.Combine(BenchmarkData.Folder, "solomon", "solutions_distance_only", "C101.sol"));

        Assert.Equal(10, solution.Routes.Count);
        Assert.Equal([5, 3, 7, 8, 10, 11, 9, 6, 4, 2, 1, 75], solution.Routes[0]);
        Assert.Equal([98, 96, 95, 94, 92, 93, 97, 100, 99], solution.Routes[^1]);
        Assert.Equal(827.3, solution.Cost);
    }

    [Fact]
    public void Reads_a_sintef_solution_without_cost()
    {
        var solution = SolutionFile.Read(Path.Combine(BenchmarkData.Folder, "homberger", "solutions_hierarchical", "c2_2_1.6_1931.4425.txt"));

        Assert.Equal(6, solution.Routes.Count);
        Assert.Equal(200, solution.Routes.Sum(r => r.Count));
        Assert.Equal(104, solution.Routes[0][0]);
        Assert.Null(solution.Cost);
    }

    [Fact]
    public void Writes_what_it_reads()
    {
        var original = new SolutionFile([[5, 3, 7], [2], [9, 1]], 27591);
        var text = new StringWriter();

        original.Write(text);
        var read = SolutionFile.Parse(text.ToString().Split('\n'), "written.sol");

        Assert.Equal("Route #1: 5 3 7\nRoute #2: 2\nRoute #3: 9 1\nCost 27591\n", text.ToString().Replace("\r\n", "\n"));
        Assert.Equal(original.Routes, read.Routes);
        Assert.Equal(27591, read.Cost);
    }

    [Fact]
    public void Bad_customer_number_names_the_route()
    {
        var error = Assert.Throws<InstanceFormatException>(() =>
            SolutionFile.Parse(["Route #1: 1 2", "Route #2: 3 x4", "Cost 10"], "bad.sol"));

        Assert.Equal((2, "Route 2", "x4"), (error.Line, error.Field, error.Value));
    }

    [Fact]
    public void A_file_without_routes_is_refused()
    {
        var error = Assert.Throws<InstanceFormatException>(() => SolutionFile.Parse(["Cost 10"], "empty.sol"));

        Assert.Equal("Route", error.Field);
    }
}
