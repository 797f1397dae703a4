using System.Text;
using Logistics.Core;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Tests.Influx;

public class LineProtocolBatchTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 8, 15, 30, 250, TimeSpan.Zero);
    private const long AtNanoseconds = 1_795_335_330_250_000_000;

    private static string Text(LineProtocolBatch batch) => Encoding.UTF8.GetString(batch.Body.Span);

    [Fact]
    public void A_message_is_written_as_the_schema_says_one_line_per_sensor_with_a_quantity_and_one_position()
    {
        var message = new TelemetryMessage("T-017", 1842, At,
            [new("front", 21.4, 58.2), new("rear", 5.0, null), new("probe", null, null), new("door side", null, 61.5)], DoorOpen: false,
            Location: new Coordinates(22.817, 108.366));
        var batch = new LineProtocolBatch();

        Assert.Equal(3, TelemetrySchema.AppendMessage(batch, message));

        Assert.Equal(
            $"readings,sensor=front,truck=T-017 seq=1842i,temperature_c=21.4,humidity_pct=58.2 {AtNanoseconds}\n" +
            $"readings,sensor=rear,truck=T-017 seq=1842i,temperature_c=5 {AtNanoseconds}\n" +
            $"readings,sensor=door\\ side,truck=T-017 seq=1842i,humidity_pct=61.5 {AtNanoseconds}\n" +
            $"positions,truck=T-017 lat=22.817,lon=108.366,door_open=false {AtNanoseconds}\n", Text(batch));
        Assert.Equal(4, batch.Count);
        Assert.Equal("T-017", batch.TruckOf(3));
        Assert.Equal(AtNanoseconds, batch.TimeOf(0));
        Assert.True(batch.AllTimed);
    }

    [Fact]
    public void Its_lines_are_those_of_the_same_points_built_one_by_one()
    {
        var batch = new LineProtocolBatch(InfluxPrecision.Milliseconds);
        batch.Measurement("m").Tag("a", "x,y").Tag("b", "1").Field("s", "say \"hi\" \\o/").Field("i", -7L).Field("f", 1e20).Field("t", true).End(At, "T-1");
        var point = new InfluxPoint("m").Tag("b", "1").Tag("a", "x,y").Field("s", "say \"hi\" \\o/").Field("i", -7L).Field("f", 1e20).Field("t", true).At(At);

        Assert.Equal(LineProtocolEncoder.Encode(point, InfluxPrecision.Milliseconds), batch.Line(0));
        batch.Add(point);
        Assert.Equal(batch.Line(0), batch.Line(1));
    }

    [Fact]
    public void Lines_can_be_sliced_and_taken_back_and_the_batch_reused()
    {
        var batch = new LineProtocolBatch(initialBytes: 16);
        for (var i = 0; i < 3000; i++) batch.Measurement("m").Field("v", (long)i).End(i, null);
        Assert.Equal(3000, batch.Count);

        Assert.Equal("m v=1i 1\nm v=2i 2\n", Encoding.UTF8.GetString(batch.Lines(1, 2).Span));
        batch.Truncate(2);
        batch.Measurement("n").Field("v", 9L).End(null, "T-9");
        Assert.Equal("m v=0i 0\nm v=1i 1\nn v=9i\n", Text(batch));
        Assert.False(batch.AllTimed);
        Assert.Null(batch.TimeOf(2));

        batch.Clear();
        Assert.Equal(0, batch.Count);
        Assert.True(batch.Body.IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Lines(0, 1));
    }

    [Fact]
    public void What_line_protocol_cannot_carry_is_refused_naming_it_and_the_line_is_not_kept()
    {
        var batch = new LineProtocolBatch();
        batch.Measurement("m").Field("v", 1L).End(1, null);

        var e = Assert.Throws<ArgumentException>(() => batch.Measurement("readings").Tag("sensor", "front\nrear"));
        Assert.Contains("'sensor'", e.Message);
        Assert.Contains("line break", e.Message);
        e = Assert.Throws<ArgumentException>(() => batch.Measurement("m").Field("v", double.NaN));
        Assert.Contains("NaN", e.Message);
        var tooLate = Assert.Throws<ArgumentOutOfRangeException>(() => batch.Measurement("m").Field("v", 1L).End(DateTimeOffset.MaxValue, null));
        Assert.Contains("outside what InfluxDB stores", tooLate.Message);
        e = Assert.Throws<ArgumentException>(() => batch.Measurement("m").Tag("truck", "T-1").Tag("sensor", "front"));
        Assert.Contains("byte order", e.Message);
        e = Assert.Throws<ArgumentException>(() => batch.Measurement("m").End(1, null));
        Assert.Contains("no fields", e.Message);

        batch.Truncate(batch.Count);
        Assert.Equal("m v=1i 1\n", Text(batch));
    }

    [Fact]
    public void A_sensor_name_that_cannot_be_a_tag_leaves_lines_of_its_message_for_the_caller_to_take_back()
    {
        var message = new TelemetryMessage("T-017", 5, At, [new("front", 4.0, null), new("bad\\", 5.0, null)], null, null);
        var batch = new LineProtocolBatch();

        Assert.Throws<ArgumentException>(() => TelemetrySchema.AppendMessage(batch, message));
        batch.Truncate(0);

        Assert.Equal(0, batch.Count);
        Assert.Equal("", Text(batch));
    }
}
