using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;
using Microsoft.Extensions.Configuration;

namespace Logistics.Telemetry.Tests.Alerts;

public class AlertOptionsTests
{
    private static AlertOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new AlertOptions();
        configuration.GetSection(AlertOptions.Section).Bind(options);
        return options;
    }

    [Fact]
    public void The_defaults_are_the_three_cargo_profiles_of_the_brief()
    {
        var o = new AlertOptions();
        Assert.Empty(o.Validate());
        Assert.Equal("tobacco", o.DefaultProfile);
        var tobacco = o.Profiles["Tobacco"];
        Assert.Equal((15d, 25d, 10d, 30d), (tobacco.TemperatureWarning!.Min, tobacco.TemperatureWarning.Max, tobacco.TemperatureCritical!.Min, tobacco.TemperatureCritical.Max));
        Assert.Equal((50d, 65d, 45d, 70d), (tobacco.HumidityWarning!.Min, tobacco.HumidityWarning.Max, tobacco.HumidityCritical!.Min, tobacco.HumidityCritical.Max));
        Assert.Null(o.Profiles["chilled"].HumidityWarning);
        Assert.Equal(new Band(0, 10), o.Profiles["chilled"].TemperatureCritical!.ToBand());
        Assert.Equal(new Band(null, -18), o.Profiles["frozen"].TemperatureWarning!.ToBand());
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), 0.5, 2d),
            (tobacco.WarningDelay, tobacco.CriticalDelay, tobacco.ClearHold, tobacco.TemperatureHysteresis, tobacco.HumidityHysteresis));
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)), (o.NoDataAfter, o.DoorOpenAfter));
    }

    [Fact]
    public void Configuration_overrides_single_settings_adds_profiles_and_maps_trucks()
    {
        var o = Bind(new()
        {
            ["Alerts:Profiles:chilled:TemperatureWarning:Max"] = "7",
            ["Alerts:Profiles:pharma:TemperatureWarning:Min"] = "15",
            ["Alerts:Profiles:pharma:TemperatureWarning:Max"] = "25",
            ["Alerts:Profiles:pharma:WarningDelay"] = "00:02:00",
            ["Alerts:Trucks:T-001"] = "chilled",
            ["Alerts:Trucks:T-002"] = "pharma",
            ["Alerts:DefaultProfile"] = "frozen",
            ["Alerts:NoDataAfter"] = "00:03:00",
        });
        Assert.Empty(o.Validate());
        Assert.Equal(new Band(2, 7), o.Profiles["chilled"].TemperatureWarning!.ToBand());
        Assert.Equal(new Band(0, 10), o.Profiles["chilled"].TemperatureCritical!.ToBand());
        Assert.Equal(new Band(15, 25), o.Profiles["tobacco"].TemperatureWarning!.ToBand());
        Assert.Equal(TimeSpan.FromMinutes(2), o.Profiles["pharma"].WarningDelay);
        Assert.Null(o.Profiles["pharma"].TemperatureCritical);
        Assert.Equal(("chilled", "pharma", "frozen"), (o.ProfileNameOf("T-001"), o.ProfileNameOf("T-002"), o.ProfileNameOf("T-003")));
        Assert.Equal(TimeSpan.FromMinutes(3), o.NoDataAfter);
    }

    [Fact]
    public void Every_invalid_setting_is_named_with_its_value()
    {
        var o = Bind(new()
        {
            ["Alerts:Profiles:chilled:TemperatureWarning:Min"] = "9",
            ["Alerts:Profiles:tobacco:TemperatureCritical:Max"] = "24",
            ["Alerts:Profiles:frozen:ClearHold"] = "-00:01:00",
            ["Alerts:Trucks:T-001"] = "bananas",
            ["Alerts:DefaultProfile"] = "fish",
        });
        var errors = o.Validate();
        Assert.Contains(errors, e => e.Contains("Alerts:Profiles:chilled:TemperatureWarning") && e.Contains("Min (9)"));
        Assert.Contains(errors, e => e.Contains("Alerts:Profiles:tobacco") && e.Contains("enclose"));
        Assert.Contains(errors, e => e.Contains("Alerts:Profiles:frozen:ClearHold"));
        Assert.Contains(errors, e => e.Contains("Alerts:Trucks:T-001") && e.Contains("bananas"));
        Assert.Contains(errors, e => e.Contains("Alerts:DefaultProfile") && e.Contains("fish"));

        var result = new AlertOptionsValidator().Validate(null, o);
        Assert.True(result.Failed);
        var thrown = Assert.Throws<ArgumentException>(() => new AlertEngine(o));
        Assert.Contains("bananas", thrown.Message);
    }

    [Fact]
    public void The_engine_keeps_its_own_copy_of_the_options()
    {
        var o = AlertScenario.Quiet();
        var engine = new AlertEngine(o);
        o.Profiles["tobacco"].TemperatureWarning!.Max = 100;
        o.Trucks["T-001"] = "frozen";
        var s = AlertScenario.T0;
        IReadOnlyList<AlertEvent> events = [];
        for (var i = 0; i <= 10; i++)
            events = engine.Accept(AlertScenario.Message("T-001", i, s + i * AlertScenario.Step, new("front", 26, null), new("rear", 20, null)), s);
        Assert.Equal(new Band(15, 25), Assert.Single(events).Band);
    }
}
