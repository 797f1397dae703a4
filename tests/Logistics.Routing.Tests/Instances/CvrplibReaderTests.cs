using Logistics.Routing.Instances;

namespace Logistics.Routing.Tests.Instances;

public class CvrplibReaderTests
{
    [Fact]
    public void Reads_X_n101_k25()
    {
        var instance = CvrplibReader.Read(BenchmarkData.Cvrplib("X-n101-k25.vrp"));

        Assert.Equal("X-n101-k25", instance.Name);
        Assert.Equal(InstanceFormat.Cvrplib, instance.Format);
        Assert.Equal(DistanceConvention.Tsplib, instance.Convention);
        Assert.Equal(206, instance.Capacity);
        Assert.Null(instance.FleetBound);
        Assert.False(instance.HasTimeWindows);
        Assert.Equal(1, instance.Depot.Number);
        Assert.Equal((365.0, 689.0, 0L), (instance.Depot.X, instance.Depot.Y, instance.Depot.Demand));
        Assert.Equal(100, instance.Customers.Count);
        Assert.Equal((2, 146.0, 180.0, 38L), (instance.Customers[0].Number, instance.Customers[0].X, instance.Customers[0].Y, instance.Customers[0].Demand));
        Assert.Equal((101, 615.0, 750.0, 35L), (instance.Customers[^1].Number, instance.Customers[^1].X, instance.Customers[^1].Y, instance.Customers[^1].Demand));
        Assert.Equal(1, instance.SolutionFileOffset);
    }

    [Fact]
    public void Builds_an_unlimited_fleet_without_windows_and_rounded_arcs()
    {
        var instance = CvrplibReader.Read(BenchmarkData.Cvrplib("X-n101-k25.vrp"));
        var problem = instance.Problem;

        var vehicle = Assert.Single(problem.VehicleTypes);
        Assert.Equal(100, vehicle.Count);
        Assert.Equal([206L], vehicle.Capacity);
        Assert.All(problem.Clients, c => Assert.Equal(0, c.ServiceDuration));
        // Node 1 (365,689) to node 2 (146,180): sqrt(219² + 509²) = 554.11..., rounds to 554.
        Assert.Equal(554, problem.Distance[0, 1]);
        Assert.Equal(1, instance.Scale);
    }

    [Fact]
    public void Load_picks_the_reader_by_extension()
    {
        var instance = BenchmarkInstance.Load(BenchmarkData.Cvrplib("X-n101-k25.vrp"));

        Assert.Equal(InstanceFormat.Cvrplib, instance.Format);
        Assert.Equal(DistanceConvention.Tsplib, instance.Convention);
    }

    [Fact]
    public void Missing_demand_section_is_reported()
    {
        var lines = BenchmarkData.Lines(BenchmarkData.Cvrplib("X-n101-k25.vrp")).ToList();
        lines.RemoveRange(108, 102); // DEMAND_SECTION and its 101 rows

        var error = Assert.Throws<InstanceFormatException>(() => CvrplibReader.Parse(lines, "X.vrp"));

        Assert.Equal("DEMAND_SECTION", error.Field);
        Assert.Contains("missing section", error.Message);
    }

    [Fact]
    public void Bad_number_names_line_field_and_value()
    {
        var lines = BenchmarkData.Lines(BenchmarkData.Cvrplib("X-n101-k25.vrp"));
        lines[110] = "2\tthirty-eight\t"; // file line 111: node 2's demand

        var error = Assert.Throws<InstanceFormatException>(() => CvrplibReader.Parse(lines, "X.vrp"));

        Assert.Equal((111, "demand", "thirty-eight"), (error.Line, error.Field, error.Value));
        Assert.StartsWith("X.vrp:111: demand: not an integer", error.Message);
    }

    [Fact]
    public void Truncated_coordinate_section_is_reported()
    {
        var lines = BenchmarkData.Lines(BenchmarkData.Cvrplib("X-n101-k25.vrp")).Take(50).ToArray();

        var error = Assert.Throws<InstanceFormatException>(() => CvrplibReader.Parse(lines, "X.vrp"));

        Assert.Equal("NODE_COORD_SECTION", error.Field);
        Assert.Contains("ends after 43 of 101 nodes", error.Message);
    }

    [Fact]
    public void Unterminated_depot_section_is_reported()
    {
        var lines = BenchmarkData.Lines(BenchmarkData.Cvrplib("X-n101-k25.vrp")).Take(212).ToArray();

        var error = Assert.Throws<InstanceFormatException>(() => CvrplibReader.Parse(lines, "X.vrp"));

        Assert.Equal("DEPOT_SECTION", error.Field);
        Assert.Contains("-1", error.Message);
    }

    [Fact]
    public void Other_edge_weight_types_are_refused()
    {
        var lines = BenchmarkData.Lines(BenchmarkData.Cvrplib("X-n101-k25.vrp"));
        lines[4] = "EDGE_WEIGHT_TYPE : \tGEO\t";

        var error = Assert.Throws<InstanceFormatException>(() => CvrplibReader.Parse(lines, "X.vrp"));

        Assert.Equal((5, "EDGE_WEIGHT_TYPE", "GEO"), (error.Line, error.Field, error.Value));
    }

    [Fact]
    public void Parses_space_separated_lf_text()
    {
        string[] lines =
        [
            "NAME: tiny", "TYPE: CVRP", "DIMENSION: 3", "EDGE_WEIGHT_TYPE: EUC_2D", "CAPACITY: 10",
            "NODE_COORD_SECTION", "1 0 0", "2 3 4", "3 6 8",
            "DEMAND_SECTION", "1 0", "2 4", "3 5",
            "DEPOT_SECTION", "1 -1", "EOF",
        ];

        var instance = CvrplibReader.Parse(lines, "tiny.vrp");

        Assert.Equal("tiny", instance.Name);
        Assert.Equal([2, 3], instance.CustomerNumbers);
        Assert.Equal(5, instance.Problem.Distance[0, 1]);
        Assert.Equal(10, instance.Problem.Distance[0, 2]);
    }
}
