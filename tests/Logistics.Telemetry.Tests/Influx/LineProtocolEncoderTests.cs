using Logistics.Telemetry.Influx;

namespace Logistics.Telemetry.Tests.Influx;

public class LineProtocolEncoderTests
{
    private static string Encode(InfluxPoint p) => LineProtocolEncoder.Encode(p, InfluxPrecision.Nanoseconds);

    [Fact]
    public void A_reading_is_encoded_with_sorted_tags_typed_fields_and_the_time()
    {
        var point = new InfluxPoint("readings").Tag("truck", "T-017").Tag("sensor", "front")
            .Field("temperature_c", 21.4).Field("humidity_pct", 58.2).Field("seq", 1842L).AtUnixNanoseconds(1_795_421_730_000_000_000);
        Assert.Equal("readings,sensor=front,truck=T-017 temperature_c=21.4,humidity_pct=58.2,seq=1842i 1795421730000000000", Encode(point));
    }

    [Theory]
    [InlineData("wea,ther", @"wea\,ther")]
    [InlineData("wea ther", @"wea\ ther")]
    [InlineData("wea=ther", "wea=ther")] // an equals sign needs no escape in a measurement
    [InlineData("wea\"ther", "wea\"ther")]
    public void Measurements_escape_commas_and_spaces(string measurement, string expected) =>
        Assert.Equal($"{expected} v=1i", Encode(new InfluxPoint(measurement).Field("v", 1)));

    [Theory]
    [InlineData("us,midwest", @"us\,midwest")]
    [InlineData("us midwest", @"us\ midwest")]
    [InlineData("us=midwest", @"us\=midwest")]
    [InlineData("\"us\"", "\"us\"")]
    [InlineData(@"c:\temp", @"c:\temp")] // a backslash before an ordinary character stays as it is
    public void Tag_keys_and_values_escape_commas_equals_signs_and_spaces(string text, string expected)
    {
        Assert.Equal($"m,{expected}=x v=1i", Encode(new InfluxPoint("m").Tag(text, "x").Field("v", 1)));
        Assert.Equal($"m,k={expected} v=1i", Encode(new InfluxPoint("m").Tag("k", text).Field("v", 1)));
    }

    [Theory]
    [InlineData("temp erature", @"temp\ erature")]
    [InlineData("temp,erature", @"temp\,erature")]
    [InlineData("temp=erature", @"temp\=erature")]
    public void Field_keys_escape_commas_equals_signs_and_spaces(string key, string expected) =>
        Assert.Equal($"m {expected}=1i", Encode(new InfluxPoint("m").Field(key, 1)));

    [Theory]
    [InlineData("too \"hot\"", "\"too \\\"hot\\\"\"")]
    [InlineData(@"too hot\cold", "\"too hot\\\\cold\"")]
    [InlineData("a,b=c d", "\"a,b=c d\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("", "\"\"")]
    public void String_fields_escape_double_quotes_and_backslashes_only(string value, string expected) =>
        Assert.Equal($"m s={expected}", Encode(new InfluxPoint("m").Field("s", value)));

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157E+308")]
    [InlineData(5e-324, "5E-324")]
    public void Floats_are_written_in_invariant_round_trip_form(double value, string expected)
    {
        var text = Encode(new InfluxPoint("m").Field("v", value));
        Assert.Equal($"m v={expected}", text);
        Assert.Equal(value, double.Parse(text[4..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Integers_carry_the_i_suffix_and_booleans_are_words()
    {
        var point = new InfluxPoint("m").Field("a", long.MinValue).Field("b", 0).Field("c", true).Field("d", false);
        Assert.Equal("m a=-9223372036854775808i,b=0i,c=true,d=false", Encode(point));
    }

    [Fact]
    public void Tags_are_sorted_by_their_bytes_whatever_the_order_they_were_added_in()
    {
        // U+1F600 (4 UTF-8 bytes starting F0) sorts after U+FF21 (EF BC A1) in bytes, but before it in UTF-16.
        var point = new InfluxPoint("m").Tag("b", "1").Tag("\U0001F600", "2").Tag("A", "3").Tag("\uFF21", "4").Tag("a", "5").Field("v", 1);
        Assert.Equal("m,A=3,a=5,b=1,\uFF21=4,\U0001F600=2 v=1i", Encode(point));
    }

    [Theory]
    [InlineData(InfluxPrecision.Nanoseconds, 1_795_421_730_123_456_789)]
    [InlineData(InfluxPrecision.Microseconds, 1_795_421_730_123_456)]
    [InlineData(InfluxPrecision.Milliseconds, 1_795_421_730_123)]
    [InlineData(InfluxPrecision.Seconds, 1_795_421_730)]
    public void The_timestamp_is_written_in_the_precisions_unit(InfluxPrecision precision, long expected)
    {
        var point = new InfluxPoint("m").Field("v", 1).AtUnixNanoseconds(1_795_421_730_123_456_789);
        Assert.Equal($"m v=1i {expected}", LineProtocolEncoder.Encode(point, precision));
    }

    [Fact]
    public void Times_before_1970_round_towards_the_past()
    {
        var point = new InfluxPoint("m").Field("v", 1).AtUnixNanoseconds(-1);
        Assert.Equal("m v=1i -1", LineProtocolEncoder.Encode(point, InfluxPrecision.Seconds));
    }

    [Fact]
    public void A_DateTimeOffset_becomes_nanoseconds_since_1970_in_UTC()
    {
        var point = new InfluxPoint("m").Field("v", 1).At(new DateTimeOffset(2026, 11, 22, 16, 15, 30, 123, TimeSpan.FromHours(8)));
        Assert.Equal(1_795_335_330_123_000_000, point.UnixNanoseconds);
    }

    [Theory]
    [InlineData("us\\,midwest")] // a backslash right before an escaped character
    [InlineData("midwest\\")]    // a backslash at the end would escape the separator after it
    public void A_backslash_that_line_protocol_cannot_carry_is_refused_naming_the_tag(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => new InfluxPoint("readings").Tag("sensor", value));
        Assert.Contains("tag 'sensor'", e.Message);
        Assert.Contains(value, e.Message);
        Assert.Contains("backslash", e.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void NaN_and_infinity_are_refused_naming_the_field(double value, string shown)
    {
        var e = Assert.Throws<ArgumentException>(() => new InfluxPoint("readings").Field("temperature_c", value));
        Assert.Contains("Field 'temperature_c'", e.Message);
        Assert.Contains(shown, e.Message);
        Assert.Contains("NaN or infinity", e.Message);
    }

    [Fact]
    public void An_empty_tag_value_is_refused_naming_the_tag()
    {
        var e = Assert.Throws<ArgumentException>(() => new InfluxPoint("readings").Tag("truck", ""));
        Assert.Contains("Tag 'truck' on measurement 'readings' has an empty value", e.Message);
    }

    [Fact]
    public void Line_breaks_are_refused_in_measurements_keys_and_tag_values_naming_them()
    {
        Assert.Contains("Measurement 'a\\nb'", Assert.Throws<ArgumentException>(() => new InfluxPoint("a\nb")).Message);
        Assert.Contains("Tag key 'a\\rb'", Assert.Throws<ArgumentException>(() => new InfluxPoint("m").Tag("a\rb", "x")).Message);
        Assert.Contains("of tag 'truck'", Assert.Throws<ArgumentException>(() => new InfluxPoint("m").Tag("truck", "T-1\nx")).Message);
        Assert.Contains("Field key 'a\\nb'", Assert.Throws<ArgumentException>(() => new InfluxPoint("m").Field("a\nb", 1)).Message);
    }

    [Fact]
    public void Empty_names_reserved_names_and_repeats_are_refused_naming_them()
    {
        Assert.Contains("Measurement is empty", Assert.Throws<ArgumentException>(() => new InfluxPoint("")).Message);
        Assert.Contains("Field key is empty on measurement 'm'", Assert.Throws<ArgumentException>(() => new InfluxPoint("m").Field("", 1)).Message);
        Assert.Contains("'time'", Assert.Throws<ArgumentException>(() => new InfluxPoint("m").Field("time", 1)).Message);
        Assert.Contains("comment", Assert.Throws<ArgumentException>(() => new InfluxPoint("#m")).Message);
        Assert.Contains("Tag 'truck' is given twice", Assert.Throws<ArgumentException>(() => new InfluxPoint("m").Tag("truck", "a").Tag("truck", "b")).Message);
        Assert.Contains("Field 'v' is given twice", Assert.Throws<ArgumentException>(() => new InfluxPoint("m").Field("v", 1).Field("v", 2)).Message);
    }

    [Fact]
    public void A_point_without_fields_cannot_be_encoded()
    {
        var e = Assert.Throws<ArgumentException>(() => Encode(new InfluxPoint("readings").Tag("truck", "T-1")));
        Assert.Contains("Measurement 'readings' has no fields", e.Message);
    }

    [Fact]
    public void A_batch_is_one_line_per_point()
    {
        var text = LineProtocolEncoder.Encode([new InfluxPoint("m").Field("v", 1), new InfluxPoint("m").Field("v", 2)], InfluxPrecision.Seconds);
        Assert.Equal("m v=1i\nm v=2i\n", text);
    }
}
