namespace Logistics.Simulators.Fleet.Generation;

/// <summary>One sensor in a cargo space: a fixed calibration offset, a slow mean-reverting drift
/// and white noise on top of the cargo air it sits in.</summary>
public sealed class SensorModel
{
    public const double FaultValue = -999;

    // Offsets, drift and noise together stay under 1.6 °C and 2 % RH off the set point.
    private const double OffsetC = 0.3, OffsetPct = 0.6;
    private const double DriftSigmaC = 0.35, DriftLimitC = 0.8, DriftSigmaPct = 0.5, DriftLimitPct = 0.9;
    private const double DriftTauMinutes = 120;
    private const double NoiseSigmaC = 0.08, NoiseSigmaPct = 0.15;

    private readonly double _offsetC, _offsetPct;
    private double _driftC, _driftPct;

    public SensorModel(string name, bool measuresHumidity, Random random)
    {
        Name = name;
        MeasuresHumidity = measuresHumidity;
        _offsetC = (random.NextDouble() * 2 - 1) * OffsetC;
        _offsetPct = (random.NextDouble() * 2 - 1) * OffsetPct;
    }

    public string Name { get; }
    public bool MeasuresHumidity { get; }

    public void Drift(TimeSpan step, Random random)
    {
        var decay = Math.Exp(-step.TotalMinutes / DriftTauMinutes);
        var spread = Math.Sqrt(1 - decay * decay);
        _driftC = Math.Clamp(_driftC * decay + DriftSigmaC * spread * Gaussian.Next(random), -DriftLimitC, DriftLimitC);
        _driftPct = Math.Clamp(_driftPct * decay + DriftSigmaPct * spread * Gaussian.Next(random), -DriftLimitPct, DriftLimitPct);
    }

    public SensorValue Read(CargoClimate air, Random random, bool faulty)
    {
        var noiseC = Gaussian.Next(random, 3) * NoiseSigmaC;
        var noisePct = Gaussian.Next(random, 3) * NoiseSigmaPct;
        if (faulty) return new SensorValue(Name, FaultValue, MeasuresHumidity ? FaultValue : null);
        var temperature = Math.Round(air.TemperatureC + _offsetC + _driftC + noiseC, 2);
        double? humidity = MeasuresHumidity ? Math.Round(Math.Clamp(air.HumidityPct + _offsetPct + _driftPct + noisePct, 0, 100), 1) : null;
        return new SensorValue(Name, temperature, humidity);
    }
}
