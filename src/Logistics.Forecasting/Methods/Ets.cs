using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Methods;

/// <summary>Exponential smoothing state-space models (Hyndman et al. 2008), fitted per series by maximum
/// likelihood with <see cref="NelderMead"/> and chosen by AICc. Smoothing parameters stay inside the usual
/// region (0 &lt; β &lt; α &lt; 1, 0 &lt; γ &lt; 1 − α, 0.8 ≤ φ ≤ 0.98). Initial states start from a classical
/// decomposition of the first three seasons and are optimised with the rest. Seasons longer than
/// <see cref="MaxSeason"/> periods (52 weeks) get non-seasonal models only, as in R's forecast::ets.</summary>
internal sealed class Ets : IForecastingMethod
{
    public const int MaxOptimisedSeason = 24;
    public const int MaxSeason = 24;
    private const int MaxEvaluations = 3000;

    public ForecastMethod Kind => ForecastMethod.Ets;

    public int MinimumLength(int seasonLength) => 4;

    public double[]?[] Forecast(IReadOnlyList<RegularSeries> series, int horizon, CancellationToken cancellationToken) =>
        series.Select(s =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Forecast(s.Values, s.Period.SeasonLength(), horizon);
        }).ToArray();

    /// <summary>The forecast of the model with the lowest AICc, or null when the series is too short for any.</summary>
    public static double[]? Forecast(double[] y, int m, int horizon) => Fit(y, m)?.Forecast(horizon);

    /// <summary>The model with the lowest AICc, or null when the series is too short for any.</summary>
    /// <param name="seasonalOnly">Only models with a season (none when the series is too short for one or its season
    /// too long).</param>
    public static EtsFit? Fit(double[] y, int m, bool seasonalOnly = false) =>
        FitAll(y, m, seasonalOnly).MinBy(f => f.Aicc);

    private static List<EtsFit> FitAll(double[] y, int m, bool seasonalOnly = false)
    {
        var fits = new List<EtsFit>();
        if (y.Length < 4) return fits;
        // Like R's ets(), no seasonal model for seasons longer than 24 periods (52 weeks): 51 free seasonal states
        // cost more than they bring and multiply the fitting time; the boosted model carries such seasons.
        var seasonal = m > 1 && m <= MaxSeason && y.Length >= 2 * m;
        var positive = y.All(v => v > 0);
        foreach (var model in EtsModel.Candidates(seasonal, positive))
        {
            if (seasonalOnly && model.Season == Component.None) continue;
            var fit = EtsFit.Estimate(y, model, model.Season == Component.None ? 1 : m, MaxEvaluations, MaxOptimisedSeason);
            if (fit is not null && double.IsFinite(fit.Aicc)) fits.Add(fit);
        }
        return fits;
    }
}
