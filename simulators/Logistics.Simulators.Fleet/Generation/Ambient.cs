namespace Logistics.Simulators.Fleet.Generation;

/// <summary>Outside air in Nanning: warm and humid, warmest mid-afternoon and coolest before dawn.</summary>
public static class Ambient
{
    public const double MeanTemperatureC = 27, TemperatureSwingC = 4;
    public const double MeanHumidityPct = 78, HumiditySwingPct = 8;
    public const double RainTemperatureC = 23, RainHumidityPct = 97;

    public static (double TemperatureC, double HumidityPct) At(DateTimeOffset time)
    {
        var localHour = time.ToOffset(PlanRoutes.NanningUtcOffset).TimeOfDay.TotalHours;
        // Peak at 15:00; relative humidity moves the other way, as it does when the same air warms up.
        var phase = Math.Cos((localHour - 15) / 24 * 2 * Math.PI);
        return (MeanTemperatureC + TemperatureSwingC * phase, MeanHumidityPct - HumiditySwingPct * phase);
    }
}
