namespace Logistics.Mqtt.Tests;

public class MqttTopicTests
{
    [Theory]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
    [InlineData("sport/#", "sport", true)]
    [InlineData("#", "anything/at/all", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1/ranking", false)]
    [InlineData("sport/+", "sport", false)]
    [InlineData("sport/+", "sport/", true)]
    [InlineData("+/+", "/finance", true)]
    [InlineData("/+", "/finance", true)]
    [InlineData("+", "/finance", false)]
    [InlineData("fleet/+/telemetry", "fleet/T-017/telemetry", true)]
    [InlineData("fleet/+/telemetry", "fleet/T-017/status", false)]
    [InlineData("fleet/T-017/telemetry", "fleet/T-017/telemetry", true)]
    [InlineData("fleet/T-017/telemetry", "fleet/T-017/Telemetry", false)]
    [InlineData("#", "$SYS/broker/uptime", false)]
    [InlineData("+/monitor/Clients", "$SYS/monitor/Clients", false)]
    [InlineData("$SYS/#", "$SYS/broker/uptime", true)]
    [InlineData("$SYS/monitor/+", "$SYS/monitor/Clients", true)]
    public void Matching_follows_section_4_7(string filter, string topic, bool matches) =>
        Assert.Equal(matches, MqttTopic.Matches(filter, topic));

    [Theory]
    [InlineData("sport/tennis/#")]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("+/tennis/#")]
    [InlineData("sport/+/player1")]
    [InlineData("/")]
    public void Valid_filters(string filter) => Assert.Null(MqttTopic.CheckFilter(filter));

    [Theory]
    [InlineData("sport/tennis#", "'#' must be a whole level")]
    [InlineData("sport/tennis/#/ranking", "'#' must be a whole level")]
    [InlineData("sport+", "'+' must be a whole level")]
    [InlineData("", "at least one character")]
    [InlineData("a\0b", "U+0000")]
    public void Invalid_filters_say_why(string filter, string expected) =>
        Assert.Contains(expected, MqttTopic.CheckFilter(filter));

    [Theory]
    [InlineData("fleet/+/telemetry", "wildcard '+'")]
    [InlineData("fleet/#", "wildcard '#'")]
    [InlineData("", "at least one character")]
    public void Invalid_names_say_why(string topic, string expected) =>
        Assert.Contains(expected, MqttTopic.CheckName(topic));

    [Fact]
    public void A_lone_surrogate_is_not_a_topic() =>
        Assert.Contains("surrogate", MqttTopic.CheckName("a" + (char)0xD800));

    [Fact]
    public void Names_longer_than_65535_bytes_of_utf8_are_refused()
    {
        Assert.Null(MqttTopic.CheckName(new string('a', 65535)));
        Assert.Contains("65535", MqttTopic.CheckName(new string('é', 32768)));
        Assert.Throws<ArgumentException>(() => MqttTopic.ValidateName(new string('a', 65536)));
    }
}
