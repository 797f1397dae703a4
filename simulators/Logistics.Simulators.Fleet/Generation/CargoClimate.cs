namespace Logistics.Simulators.Fleet.Generation;

/// <summary>The air in one truck's cargo space (the same for all its sensors): held at a set point by
/// the refrigeration unit, pulled toward the outside air while the door is open.</summary>
public sealed class CargoClimate
{
    /// <summary>Tobacco: 18-22 °C and 55-60 % RH. Set points are drawn well inside so that sensor
    /// offsets, drift and noise stay within the band in normal running.</summary>
    public const double MinTemperatureC = 18, MaxTemperatureC = 22, MinHumidityPct = 55, MaxHumidityPct = 60;

    public const double ReeferFailureRiseCPerMinute = 0.5;
    /// <summary>A failed unit in a closed box under the sun: the rise stops somewhere.</summary>
    public const double ReeferFailureCeilingC = 45;

    // Time constants of the exchange, in minutes. A delivery stop's open door drifts a loaded box
    // toward the outside air slowly (the cartons hold the climate; a 12-minute stop moves humidity a
    // third of the way, so an ordinary day stays mostly inside tobacco's warning band; faster
    // constants made every stop a critical humidity excursion). Rain through an open door is fast.
    private const double DoorTemperatureTau = 40, DoorHumidityTau = 30, RainHumidityTau = 3;
    private const double ReeferTemperatureTau = 10, ReeferHumidityTau = 15;

    public CargoClimate(double setTemperatureC, double setHumidityPct)
    {
        SetTemperatureC = setTemperatureC;
        SetHumidityPct = setHumidityPct;
        TemperatureC = setTemperatureC;
        HumidityPct = setHumidityPct;
    }

    public double SetTemperatureC { get; }
    public double SetHumidityPct { get; }
    public double TemperatureC { get; private set; }
    public double HumidityPct { get; private set; }

    public void Advance(TimeSpan step, CargoConditions conditions)
    {
        var minutes = step.TotalMinutes;
        if (minutes <= 0) return;
        if (conditions.Raining)
        {
            TemperatureC = Toward(TemperatureC, Ambient.RainTemperatureC, DoorTemperatureTau, minutes);
            HumidityPct = Toward(HumidityPct, Ambient.RainHumidityPct, RainHumidityTau, minutes);
        }
        else if (conditions.DoorOpen)
        {
            TemperatureC = Toward(TemperatureC, conditions.AmbientTemperatureC, DoorTemperatureTau, minutes);
            HumidityPct = Toward(HumidityPct, conditions.AmbientHumidityPct, DoorHumidityTau, minutes);
        }
        else if (!conditions.ReeferFailed)
        {
            TemperatureC = Toward(TemperatureC, SetTemperatureC, ReeferTemperatureTau, minutes);
            HumidityPct = Toward(HumidityPct, SetHumidityPct, ReeferHumidityTau, minutes);
        }
        if (conditions.ReeferFailed && TemperatureC < ReeferFailureCeilingC)
            TemperatureC = Math.Min(ReeferFailureCeilingC, TemperatureC + ReeferFailureRiseCPerMinute * minutes);
    }

    private static double Toward(double value, double target, double tauMinutes, double minutes) =>
        target + (value - target) * Math.Exp(-minutes / tauMinutes);
}
