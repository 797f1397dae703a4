using Logistics.Data.Forecasts;
using Logistics.Forecasting;

namespace Logistics.Service.Forecasts.Contracts;

/// <summary>A forecast job as the API shows it; <see cref="Summary"/> once it has a result.</summary>
/// <param name="Status">queued, running, succeeded, failed or cancelled.</param>
public sealed record ForecastView(
    string Id,
    string Status,
    ForecastJobOptions Options,
    ForecastJobProgress? Progress,
    string? Error,
    string? Note,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    bool HasResult,
    ForecastSummary? Summary)
{
    public static ForecastView From(ForecastRecord r, ForecastJobProgress? live) =>
        new(r.Id, r.Status, r.Options, live ?? r.Progress, r.Error, r.Note, r.CreatedAt, r.StartedAt, r.FinishedAt, r.Result is not null,
            r.Result is { } result ? ForecastSummary.From(result) : null);
}

/// <summary>What a result holds, without the series themselves.</summary>
/// <param name="FirstDate">First day of the first forecast period.</param>
/// <param name="Fallbacks">Series too short for a backtest, forecast with the fallback method.</param>
/// <param name="Inactive">Series that stopped ordering, forecast zero.</param>
/// <param name="Notes">What the run did to the history (an incomplete last period left out).</param>
/// <param name="ChosenMethods">Method → how many series it forecasts.</param>
/// <param name="Methods">The backtest per method (the table of <c>logistics forecast</c>).</param>
/// <param name="SeriesIds">Every series forecast, in the history's order.</param>
public sealed record ForecastSummary(
    string Period,
    int Horizon,
    int Series,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    double ElapsedSeconds,
    int Fallbacks,
    int Inactive,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, int> ChosenMethods,
    IReadOnlyList<MethodView> Methods,
    IReadOnlyList<string> SeriesIds)
{
    public static ForecastSummary From(ForecastResult r)
    {
        var naive = r.Methods.FirstOrDefault(m => m.Method == ForecastMethod.SeasonalNaive.Name())?.MeanMase;
        return new(r.Period.Name(), r.Horizon, r.Series.Count, r.DepotTotal.Points.FirstOrDefault()?.Date, r.DepotTotal.Points.LastOrDefault()?.Date,
            Math.Round(r.Elapsed.TotalSeconds, 2), r.Fallbacks, r.Inactive, r.Notes,
            r.Series.GroupBy(s => s.Method).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()),
            r.Methods.Select(m => MethodView.From(m, naive)).ToArray(), r.Series.Select(s => s.Series).ToArray());
    }
}

/// <summary>One method's backtest; null where it covered no series.</summary>
/// <param name="MaseVsSeasonalNaive">Its mean MASE over seasonal naive's: below 1 beats the baseline.</param>
/// <param name="Coverage80">Share of held-out values inside the 80% interval.</param>
public sealed record MethodView(string Method, int Series, double? MeanMase, double? MeanSmape, double? MaseVsSeasonalNaive,
    double? Coverage80, double? Coverage95, int Chosen, double Seconds)
{
    public static MethodView From(MethodSummary m, double? naiveMase) =>
        new(m.Method, m.Series, Finite(m.MeanMase, 4), Finite(m.MeanSmape, 2),
            naiveMase is { } n && n > 0 && double.IsFinite(n) ? Finite(m.MeanMase / n, 3) : null,
            Finite(m.Coverage80, 3), Finite(m.Coverage95, 3), m.Chosen, Math.Round(m.Time.TotalSeconds, 3));

    internal static double? Finite(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits) : null;
}
