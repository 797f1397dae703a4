using Logistics.Telemetry.Influx;

namespace Logistics.Telemetry.Tests.Influx;

public class InfluxQlTests
{
    [Theory]
    [InlineData("readings", "\"readings\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"back\slash", "\"back\\\\slash\"")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a\nb", "\"a\\nb\"")]
    public void Identifiers_are_double_quoted_escaping_backslash_quote_and_newline(string name, string expected) =>
        Assert.Equal(expected, InfluxQl.QuoteIdentifier(name));

    [Theory]
    [InlineData("front", "'front'")]
    [InlineData("' OR 1=1 --", @"'\' OR 1=1 --'")]
    [InlineData(@"\'", @"'\\\''")]
    [InlineData("\"; DROP DATABASE logistics", "'\"; DROP DATABASE logistics'")]
    [InlineData("a\nb", @"'a\nb'")]
    [InlineData("", "''")]
    public void Strings_are_single_quoted_escaping_backslash_quote_and_newline(string value, string expected) =>
        Assert.Equal(expected, InfluxQl.QuoteString(value));

    [Fact]
    public void An_empty_identifier_is_refused() =>
        Assert.Throws<ArgumentException>(() => InfluxQl.QuoteIdentifier(""));

    [Fact]
    public void Time_literals_are_RFC3339_in_UTC()
    {
        Assert.Equal("'2026-11-22T08:15:30Z'", InfluxQl.TimeLiteral(new DateTimeOffset(2026, 11, 22, 16, 15, 30, TimeSpan.FromHours(8))));
        Assert.Equal("'2026-11-22T08:15:30.1234567Z'", InfluxQl.TimeLiteral(new DateTimeOffset(2026, 11, 22, 8, 15, 30, TimeSpan.Zero).AddTicks(1_234_567)));
    }

    [Theory]
    [InlineData(0, 0, 5, 0, 0, "5m")]
    [InlineData(0, 0, 0, 90, 0, "90s")]
    [InlineData(0, 0, 0, 1, 500, "1500ms")]
    [InlineData(760, 0, 0, 0, 0, "760d")]
    [InlineData(14, 0, 0, 0, 0, "2w")]
    [InlineData(0, 25, 0, 0, 0, "25h")]
    public void Durations_use_the_largest_whole_unit(int days, int hours, int minutes, int seconds, int ms, string expected) =>
        Assert.Equal(expected, InfluxQl.Duration(new TimeSpan(days, hours, minutes, seconds, ms)));

    [Fact]
    public void Durations_that_are_not_positive_whole_milliseconds_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InfluxQl.Duration(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => InfluxQl.Duration(TimeSpan.FromMinutes(-5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => InfluxQl.Duration(TimeSpan.FromTicks(1)));
    }

    [Theory]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("2w", 1_209_600)]
    [InlineData("500ms", 0.5)]
    public void Durations_from_callers_are_read(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), InfluxQl.ParseDuration(text, "bucket"));

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("5 m")]
    [InlineData("5M")]
    [InlineData("1h) fill(0); DROP DATABASE logistics; --")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    public void Anything_else_as_a_duration_is_refused_naming_the_field_and_value(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => InfluxQl.ParseDuration(text, "bucket"));
        Assert.Contains($"bucket '{text}'", e.Message);
    }
}
