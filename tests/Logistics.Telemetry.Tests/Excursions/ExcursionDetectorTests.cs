using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Excursions;
using Xunit;

namespace Logistics.Telemetry.Tests.Excursions;

public class ExcursionDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private static readonly ExcursionBands Tobacco = new("tobacco", new Band(15, 25), new Band(10, 30));

    private static List<SensorSample> Minutely(params double[] temperatures) =>
        temperatures.Select((t, i) => new SensorSample(T0.AddMinutes(i), t, 55)).ToList();

    [Fact]
    public void Start_is_the_first_reading_outside_and_end_the_first_back_inside()
    {
        var samples = Minutely(20, 26, 28, 27, 24, 20);
        var e = ExcursionDetector.Measure(samples, ExcursionQuantity.Temperature, Tobacco, T0.AddMinutes(1), T0.AddMinutes(5))!;
        Assert.Equal(T0.AddMinutes(1), e.Start);
        Assert.Equal(T0.AddMinutes(4), e.End);
        Assert.Equal(28, e.Peak);
        Assert.Equal(T0.AddMinutes(2), e.PeakAt);
        Assert.Equal("warning", e.Level);
        Assert.Equal(new Band(15, 25), e.Band);
        Assert.Equal([26.0, 28, 27], e.Readings.Select(r => r.TemperatureC!.Value));
        Assert.Equal(MeanKineticTemperature.Of([26, 28, 27]), e.MeanKineticTemperatureC);
        Assert.Equal(TimeSpan.FromMinutes(3), e.Duration);
    }

    [Fact]
    public void A_short_dip_inside_while_the_alert_is_open_stays_one_excursion()
    {
        var samples = Minutely(26, 27, 24, 26, 20, 20, 20);
        var e = ExcursionDetector.Measure(samples, ExcursionQuantity.Temperature, Tobacco, T0, T0.AddMinutes(6))!;
        Assert.Equal(T0, e.Start);
        Assert.Equal(T0.AddMinutes(4), e.End);
        Assert.Equal(4, e.Readings.Count);
    }

    [Fact]
    public void Crossing_the_critical_band_reports_it_with_level_critical()
    {
        var e = ExcursionDetector.Measure(Minutely(9, 12, 20), ExcursionQuantity.Temperature, Tobacco, T0, null)!;
        Assert.Equal("critical", e.Level);
        Assert.Equal(new Band(10, 30), e.Band);
        Assert.Equal(9, e.Peak);
        Assert.Equal(T0.AddMinutes(2), e.End);
    }

    [Fact]
    public void Ongoing_excursion_has_no_end_and_lasts_until_its_latest_reading()
    {
        var e = ExcursionDetector.Measure(Minutely(20, 26, 27), ExcursionQuantity.Temperature, Tobacco, T0.AddMinutes(1), null)!;
        Assert.Null(e.End);
        Assert.Equal(TimeSpan.FromMinutes(1), e.Duration);
    }

    [Fact]
    public void Humidity_excursion_has_no_mkt()
    {
        var samples = new[] { 60.0, 70, 72, 60 }.Select((h, i) => new SensorSample(T0.AddMinutes(i), 20, h)).ToList();
        var bands = new ExcursionBands("tobacco", new Band(50, 65), new Band(45, 70));
        var e = ExcursionDetector.Measure(samples, ExcursionQuantity.Humidity, bands, T0, null)!;
        Assert.Null(e.MeanKineticTemperatureC);
        Assert.Equal(72, e.Peak);
        Assert.Equal("critical", e.Level);
    }

    [Fact]
    public void No_reading_outside_gives_nothing() =>
        Assert.Null(ExcursionDetector.Measure(Minutely(20, 21), ExcursionQuantity.Temperature, Tobacco, T0, null));
}
