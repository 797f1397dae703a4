using Logistics.Routing.Instances;

namespace Logistics.Routing.Tests.Instances;

public class SolomonReaderTests
{
    [Fact]
    public void Reads_C101()
    {
        var instance = SolomonReader.Read(BenchmarkData.Solomon("C101.txt"));

        Assert.Equal("C101", instance.Name);
        Assert.Equal(InstanceFormat.Solomon, instance.Format);
        Assert.Equal(25, instance.FleetBound);
        Assert.Equal(200, instance.Capacity);
        Assert.True(instance.HasTimeWindows);
        Assert.Equal(new BenchmarkNode(0, 40, 50, 0, 0, 1236, 0), instance.Depot);
        Assert.Equal(100, instance.Customers.Count);
        Assert.Equal(new BenchmarkNode(1, 45, 68, 10, 912, 967, 90), instance.Customers[0]);
        Assert.Equal(new BenchmarkNode(100, 55, 85, 20, 647, 726, 90), instance.Customers[^1]);
        Assert.Equal(Enumerable.Range(1, 100), instance.CustomerNumbers);
    }

    [Fact]
    public void Reads_RC208_with_its_long_horizon()
    {
        var instance = SolomonReader.Read(BenchmarkData.Solomon("RC208.txt"));

        Assert.Equal("RC208", instance.Name);
        Assert.Equal(25, instance.FleetBound);
        Assert.Equal(1000, instance.Capacity);
        Assert.Equal(new BenchmarkNode(0, 40, 50, 0, 0, 960, 0), instance.Depot);
        Assert.Equal(100, instance.Customers.Count);
        Assert.Equal(new BenchmarkNode(1, 25, 85, 20, 388, 911, 10), instance.Customers[0]);
        Assert.Equal(new BenchmarkNode(100, 31, 67, 3, 356, 930, 10), instance.Customers[^1]);
    }

    [Fact]
    public void Builds_the_dimacs_problem_in_tenths()
    {
        var instance = SolomonReader.Read(BenchmarkData.Solomon("C101.txt"));
        var problem = instance.Problem;

        Assert.Equal(10, instance.Scale);
        Assert.Equal(1, problem.NumDepots);
        Assert.Equal(100, problem.NumClients);
        var vehicle = Assert.Single(problem.VehicleTypes);
        Assert.Equal(25, vehicle.Count);
        Assert.Equal([200L], vehicle.Capacity);
        Assert.Equal(0, vehicle.ShiftStart);
        Assert.Equal(12360, vehicle.ShiftEnd);
        var first = problem.Clients[0];
        Assert.Equal((9120L, 9670L, 900L), (first.WindowStart, first.WindowEnd, first.ServiceDuration));
        // Depot (40,50) to customer 1 (45,68): d = sqrt(349) = 18.681..., so 186 tenths.
        Assert.Equal(186, problem.Distance[0, 1]);
        Assert.Equal(186, problem.Duration[0, 1]);
    }

    [Fact]
    public void Builds_the_real_problem_with_travel_times_rounded_up()
    {
        var instance = SolomonReader.Read(BenchmarkData.Solomon("C101.txt"), DistanceConvention.Real);

        Assert.Equal(BenchmarkInstance.RealScale, instance.Scale);
        // sqrt(349) = 18.68154702...
        Assert.Equal(186815, instance.Problem.Distance[0, 1]);
        Assert.Equal(186816, instance.Problem.Duration[0, 1]);
        Assert.Equal(9120 * 1000L, instance.Problem.Clients[0].WindowStart);
        Assert.Equal(18.6815, instance.ToReportedDistance(instance.Problem.Distance[0, 1]));
    }

    [Fact]
    public void Reads_a_homberger_file()
    {
        var instance = SolomonReader.Read(BenchmarkData.Homberger("c1_2_1.txt"));

        Assert.Equal("c1_2_1", instance.Name);
        Assert.Equal(50, instance.FleetBound);
        Assert.Equal(200, instance.Customers.Count);
        Assert.Equal(new BenchmarkNode(200, 131, 31, 20, 604, 657, 90), instance.Customers[^1]);
    }

    [Fact]
    public void Missing_customer_section_is_reported()
    {
        var lines = BenchmarkData.Lines(BenchmarkData.Solomon("C101.txt"))
            .Select(l => l.Trim() == "CUSTOMER" ? "CLIENTS" : l).ToArray();

        var error = Assert.Throws<InstanceFormatException>(() => SolomonReader.Parse(lines, "C101-broken.txt"));

        Assert.Equal("CUSTOMER", error.Field);
        Assert.Contains("C101-broken.txt", error.Message);
        Assert.Contains("missing section", error.Message);
    }

    [Fact]
    public void Bad_number_names_line_field_and_value()
    {
        var lines = BenchmarkData.Lines(BenchmarkData.Solomon("C101.txt"));
        lines[12] = lines[12].Replace(" 10 ", " 1O ");  // customer 3's demand, file line 13

        var error = Assert.Throws<InstanceFormatException>(() => SolomonReader.Parse(lines, "C101.txt"));

        Assert.Equal(13, error.Line);
        Assert.Equal("DEMAND", error.Field);
        Assert.Equal("1O", error.Value);
        Assert.StartsWith("C101.txt:13: DEMAND: not an integer (value '1O')", error.Message);
    }

    [Fact]
    public void Truncated_row_is_reported()
    {
        var lines = BenchmarkData.Lines(BenchmarkData.Solomon("C101.txt")).Take(60).ToList();
        lines[^1] = string.Join("  ", lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3)); // cut inside customer 50's row

        var error = Assert.Throws<InstanceFormatException>(() => SolomonReader.Parse(lines, "C101.txt"));

        Assert.Equal(60, error.Line);
        Assert.Equal("DEMAND", error.Field);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void File_cut_after_the_headings_is_reported()
    {
        var lines = BenchmarkData.Lines(BenchmarkData.Solomon("C101.txt")).Take(9).ToArray();

        var error = Assert.Throws<InstanceFormatException>(() => SolomonReader.Parse(lines, "C101.txt"));

        Assert.Equal("CUSTOMER", error.Field);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Window_ending_before_it_starts_is_refused()
    {
        var lines = BenchmarkData.Lines(BenchmarkData.Solomon("C101.txt"));
        lines[10] = "    1      45         68         10        912        900         90";

        var error = Assert.Throws<InstanceFormatException>(() => SolomonReader.Parse(lines, "C101.txt"));

        Assert.Equal((11, "DUE DATE", "900"), (error.Line, error.Field, error.Value));
    }

    [Fact]
    public void Unknown_extension_is_refused_by_load()
    {
        var error = Assert.Throws<InstanceFormatException>(() => BenchmarkInstance.Load("instance.json"));

        Assert.Equal("file name", error.Field);
        Assert.Equal(".json", error.Value);
    }
}
