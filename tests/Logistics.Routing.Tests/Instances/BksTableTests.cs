using Logistics.Routing.Instances;

namespace Logistics.Routing.Tests.Instances;

public class BksTableTests
{
    [Fact]
    public void Reads_the_solomon_distance_only_table()
    {
        var table = BksTable.Read(BenchmarkData.Solomon("bks_distance_only.csv"));

        Assert.Equal(48, table.Entries.Count);
        var c101 = table.Find("c101");
        Assert.NotNull(c101);
        Assert.Equal(("C101", 10, 827.3), (c101.Instance, c101.Vehicles, c101.Distance));
        Assert.Contains("DIMACS", c101.Source);
    }

    [Fact]
    public void Suspect_rows_are_kept_but_not_found()
    {
        var table = BksTable.Read(BenchmarkData.Solomon("bks_distance_only_realdist.csv"));

        Assert.Equal(["R109", "RC103"], table.Entries.Where(e => e.IsSuspect).Select(e => e.Instance));
        Assert.Null(table.Find("R109"));
        Assert.Null(table.Find("RC103"));
        Assert.Equal(828.94, table.Find("C101")!.Distance);
    }

    [Fact]
    public void Reads_the_cvrplib_table()
    {
        var table = BksTable.Read(BenchmarkData.Cvrplib("bks.csv"));

        Assert.Equal(12, table.Entries.Count);
        Assert.Equal((26, 27591.0), (table.Find("X-n101-k25")!.Vehicles, table.Find("X-n101-k25")!.Distance));
        Assert.Null(table.Find("X-n9999-k1"));
    }

    [Fact]
    public void Bad_distance_names_line_and_value()
    {
        const string csv = "instance,vehicles,distance,source\nC101,10,827.3,ok\nC102,10,eight hundred,\"quoted, source\"\n";

        var error = Assert.Throws<InstanceFormatException>(() => BksTable.Parse(new StringReader(csv), "bks.csv"));

        Assert.Equal((3, "distance", "eight hundred"), (error.Line, error.Field, error.Value));
    }

    [Fact]
    public void Missing_column_is_reported()
    {
        var error = Assert.Throws<InstanceFormatException>(() =>
            BksTable.Parse(new StringReader("instance,distance,source\nC101,827.3,x\n"), "bks.csv"));

        Assert.Equal("vehicles", error.Field);
    }
}
