namespace Logistics.Core.Tests;

public class FleetTopicsTests
{
    [Theory]
    [InlineData("T-017", true)]
    [InlineData("truck_9", true)]
    [InlineData("", false)]
    [InlineData("T 017", false)]
    [InlineData("T/017", false)]
    [InlineData("Té", false)]
    [InlineData("T+1", false)]
    public void A_truck_id_is_letters_digits_underscore_and_dash(string id, bool valid) =>
        Assert.Equal(valid, TruckId.IsValid(id));

    [Fact]
    public void A_truck_id_has_at_most_64_characters()
    {
        Assert.True(TruckId.IsValid(new string('a', 64)));
        Assert.False(TruckId.IsValid(new string('a', 65)));
        Assert.False(TruckId.IsValid((string?)null));
    }

    [Fact]
    public void Check_names_the_parameter_and_the_value()
    {
        var e = Assert.Throws<ArgumentException>(() => TruckId.Check("T 1", "truck"));
        Assert.Equal("truck", e.ParamName);
        Assert.Contains("'T 1'", e.Message);
    }

    [Fact]
    public void Each_kind_of_topic_is_written_and_read_back()
    {
        Assert.Equal("fleet/T-001/telemetry", FleetTopics.Telemetry("T-001"));
        Assert.Equal("fleet/T-001/status", FleetTopics.Status("T-001"));
        Assert.Equal("fleet/T-001/alerts", FleetTopics.Alerts("T-001"));
        Assert.Equal("fleet/T-001/plan", FleetTopics.Plan("T-001"));
        foreach (var kind in Enum.GetValues<FleetTopicKind>())
        {
            Assert.True(FleetTopics.TryParse(FleetTopics.Format("T-001", kind), out var topic));
            Assert.Equal(new FleetTopic("T-001", kind), topic);
            Assert.Equal(FleetTopics.Format("T-001", kind), topic.ToString());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fleet/T-001")]
    [InlineData("fleet/T-001/telemetry/extra")]
    [InlineData("fleet//telemetry")]
    [InlineData("Fleet/T-001/telemetry")]
    [InlineData("fleet/T-001/Telemetry")]
    [InlineData("fleet/+/telemetry")]
    [InlineData("fleet/T-001/commands")]
    public void Anything_else_is_not_a_fleet_topic(string? topic) =>
        Assert.False(FleetTopics.TryParse(topic, out _));

    [Fact]
    public void The_subscription_filters_cover_every_truck()
    {
        Assert.Equal("fleet/+/telemetry", FleetTopics.TelemetryFilter);
        Assert.Equal("fleet/+/status", FleetTopics.StatusFilter);
    }
}
