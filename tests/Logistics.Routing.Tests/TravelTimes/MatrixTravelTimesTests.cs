using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Routing.TravelTimes;
using Logistics.Core.Csv;

namespace Logistics.Routing.Tests.TravelTimes;

public class MatrixTravelTimesTests
{
    private static readonly TravelLocation[] Locations =
        [new("DC", new Coordinates(22.8, 108.3)), new("S1", new Coordinates(22.81, 108.31))];

    [Fact]
    public void A_csv_matrix_gives_its_values()
    {
        var m = MatrixTravelTimes.ReadCsv(new StringReader("from,to,distance_m,duration_s\nDC,S1,1200,180\nS1,DC,1500,200\n"), "m.csv");
        var matrices = m.Compute(Locations);
        Assert.Equal(1200, matrices.DistanceMetres[0, 1]);
        Assert.Equal(200, matrices.DurationSeconds[1, 0]);
    }

    [Fact]
    public void A_json_matrix_gives_its_values()
    {
        var m = MatrixTravelTimes.ReadJson(new StringReader(
            """[{"from":"DC","to":"S1","distance_m":1200,"duration_s":180},{"from":"S1","to":"DC","distance_m":1500,"duration_s":200}]"""), "m.json");
        Assert.Equal(180, m.Compute(Locations).DurationSeconds[0, 1]);
    }

    [Fact]
    public void Missing_pairs_are_reported()
    {
        var m = MatrixTravelTimes.ReadCsv(new StringReader("from,to,distance_m,duration_s\nDC,S1,1200,180\n"), "m.csv");
        var e = Assert.Throws<InputValidationException>(() => m.Compute(Locations));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("m.csv", "from,to", "S1,DC"), (error.File, error.Field, error.Value));
    }

    [Fact]
    public void A_negative_distance_is_refused()
    {
        var e = Assert.Throws<InputValidationException>(() =>
            MatrixTravelTimes.ReadCsv(new StringReader("from,to,distance_m,duration_s\nDC,S1,-5,180\n"), "m.csv"));
        Assert.Equal((2, "distance_m", "-5"), (e.Errors[0].Row, e.Errors[0].Field, e.Errors[0].Value));
    }

    [Fact]
    public void A_json_entry_without_a_number_is_refused()
    {
        var e = Assert.Throws<InputValidationException>(() =>
            MatrixTravelTimes.ReadJson(new StringReader("""[{"from":"DC","to":"S1","distance_m":"far","duration_s":180}]"""), "m.json"));
        Assert.Equal((1, "distance_m", "\"far\""), (e.Errors[0].Row, e.Errors[0].Field, e.Errors[0].Value));
    }
}
