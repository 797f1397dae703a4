namespace Logistics.Telemetry.Excursions;

/// <summary>Mean kinetic temperature (Haynes): the single temperature that would degrade the cargo as much as the
/// varying temperatures measured, T_K = (ΔH/R) / −ln(Σ exp(−(ΔH/R)/T_i) / n). Hot spells weigh more than the
/// arithmetic mean gives them, which is why pharmacopoeias (USP &lt;1079.2&gt;, Ph. Eur.) judge storage by it.</summary>
public static class MeanKineticTemperature
{
    /// <summary>ΔH/R in kelvin: activation energy 83.144 kJ/mol over the gas constant, the pharmacopoeia's usual value.</summary>
    public const double ActivationOverGasConstantK = 10_000;

    private const double ZeroCelsiusK = 273.15;

    /// <summary>The MKT in °C of readings taken at equal intervals (each reading weighs the same); null when there are none.</summary>
    public static double? Of(IEnumerable<double> temperaturesC)
    {
        double sum = 0;
        var count = 0;
        foreach (var t in temperaturesC)
        {
            sum += Math.Exp(-ActivationOverGasConstantK / (t + ZeroCelsiusK));
            count++;
        }
        if (count == 0) return null;
        return ActivationOverGasConstantK / -Math.Log(sum / count) - ZeroCelsiusK;
    }
}
