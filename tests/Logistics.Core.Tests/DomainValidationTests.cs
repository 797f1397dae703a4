using Logistics.Core;

namespace Logistics.Core.Tests;

public class DomainValidationTests
{
    private static readonly TimeWindow Day = new(new TimeOnly(8, 0), new TimeOnly(18, 0));

    [Theory]
    [InlineData(91, 108, "Latitude")]
    [InlineData(-90.5, 108, "Latitude")]
    [InlineData(22.8, 180.1, "Longitude")]
    [InlineData(double.NaN, 108, "Latitude")]
    public void Coordinates_out_of_range_are_refused_naming_the_field(double lat, double lon, string field)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new Coordinates(lat, lon));
        Assert.Equal(field, e.ParamName);
    }

    [Fact]
    public void Coordinates_in_range_are_kept()
    {
        var c = new Coordinates(22.82, 108.37);
        Assert.Equal(22.82, c.Latitude);
        Assert.Equal(108.37, c.Longitude);
    }

    [Fact]
    public void A_window_ending_before_it_starts_is_refused_with_both_times()
    {
        var e = Assert.Throws<ArgumentException>(() => new TimeWindow(new TimeOnly(11, 0), new TimeOnly(9, 30)));
        Assert.Contains("09:30", e.Message);
        Assert.Contains("11:00", e.Message);
    }

    [Fact]
    public void An_empty_window_is_refused() =>
        Assert.Throws<ArgumentException>(() => new TimeWindow(new TimeOnly(9, 0), new TimeOnly(9, 0)));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Tier_outside_1_to_5_is_refused(int level)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Tier(level));
        Assert.Contains(level.ToString(), e.Message);
    }

    [Fact]
    public void Tier_1_ranks_above_tier_5() => Assert.True(new Tier(1).IsAbove(new Tier(5)));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Orders_need_at_least_one_carton(int cartons)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Order("O1", "S1", cartons));
        Assert.Equal(nameof(Order.Cartons), e.ParamName);
        Assert.Contains(cartons.ToString(), e.Message);
    }

    [Fact]
    public void A_vehicle_without_capacity_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new VehicleType("van", 2, 0, null, Day, null, 100, 1, 30, "DC", "DC"));
        Assert.Equal(nameof(VehicleType.CapacityCartons), e.ParamName);
    }

    [Fact]
    public void Max_route_duration_never_exceeds_the_shift()
    {
        var v = new VehicleType("van", 1, 300, null, Day, TimeSpan.FromHours(12), 100, 1, 30, "DC", "DC");
        Assert.Equal(TimeSpan.FromHours(10), v.EffectiveMaxRouteDuration);
    }

    [Fact]
    public void A_store_needs_a_receiving_window()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new Store("S1", "kiosk", new Coordinates(22.8, 108.3), new Tier(5), [], TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(6)));
        Assert.Equal(nameof(Store.ReceivingWindows), e.ParamName);
    }

    [Fact]
    public void Service_time_is_fixed_plus_per_carton()
    {
        var store = new Store("S1", "kiosk", new Coordinates(22.8, 108.3), new Tier(5), [Day], TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(6));
        Assert.Equal(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(60), store.ServiceTime(10));
    }
}
