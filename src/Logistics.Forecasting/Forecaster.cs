using System.Diagnostics;
using Logistics.Forecasting.Backtesting;
using Logistics.Forecasting.History;
using Logistics.Forecasting.Methods;

namespace Logistics.Forecasting;

/// <summary>Forecasts every series of an order history: the methods are backtested from rolling origins, each
/// series gets the method (or combination) that did best on it, intervals come from the backtest's errors, and
/// the depot total is the sum of the series with an interval of its own.</summary>
public static class Forecaster
{
    private const int CombinationSize = 2;

    /// <summary>How much better than the anchor (relative backtest MASE) another method must be to be chosen.</summary>
    public const double ChallengerMargin = 0.10;

    /// <summary>Origins a series needs before another method may replace the anchor on it.</summary>
    public const int MinimumOriginsToChallenge = 4;

    /// <summary>Series a method must have been backtested on, beside the anchor, before it may replace it on any of them.</summary>
    public const int MinimumSeriesToChallenge = 10;

    /// <summary>How much better than the anchor (relative backtest MASE) seasonal naive must be to replace it on a series on
    /// that series' backtest alone, without the evidence of other series: the baseline has no parameters to overfit, and
    /// a series on which the fitted models err twice as much as last season's values did is one they misread (on R's
    /// public series: a frozen river forecast to thaw, UK inflation's jumps). Chosen on the six validation splits of the
    /// public benchmark (README, "Demand forecasting"): the three series it switched were all forecast better.</summary>
    public const double BaselineMargin = 0.50;

    public static ForecastResult Run(OrderHistory history, ForecastOptions options,
        IProgress<ForecastProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var watch = Stopwatch.StartNew();
        var period = options.Period ?? Periods.Infer(history.Points.Select(p => (p.Series, p.Date)));
        var m = period.SeasonLength();
        var horizon = options.Horizon;
        var notes = new List<string>();
        if (IncompletePeriod.Find(history, period) is { } cut)
        {
            var last = history.Points.Max(p => p.Date);
            var before = IncompletePeriod.Before(history, cut);
            var dropped = history.SeriesIds.Count - before.SeriesIds.Count;
            notes.Add($"the history ends on {last:yyyy-MM-dd}, inside the {period.Name()} of {cut:yyyy-MM-dd}: that {period.Name()} " +
                      $"is forecast whole as the first period, its orders so far are not read as a low {period.Name()}" +
                      (dropped > 0 ? $"; {dropped} series with orders only in it are not forecast" : ""));
            if (before.Points.Count == 0)
                throw new ArgumentException($"the history ({history.Points.Min(p => p.Date):yyyy-MM-dd} to {last:yyyy-MM-dd}) has no complete {period.Name()}; " +
                                            "give a longer history or a shorter --period", nameof(history));
            history = before;
        }
        var all = SeriesBuilder.Build(history, period, options.Missing);

        // Phase 1: which series can be backtested at all; the others stopped ordering or fall back to a simple method.
        var minimum = options.Horizon + Backtest.MinimumTraining(m);
        var stopped = all.Select(s => (Series: s, LastOrder: Inactive.LastOrder(s))).Where(x => x.LastOrder is not null)
            .ToDictionary(x => x.Series.Id, x => x.LastOrder!.Value, StringComparer.Ordinal);
        var eligible = all.Where(s => s.Length >= minimum && !stopped.ContainsKey(s.Id)).ToArray();
        var methods = MethodSet(options, eligible.Length, notes);
        var backtest = new Backtest(eligible, horizon, options.Origins, m);

        // Phase 2: backtest every method from every origin.
        var total = methods.Count * options.Origins + methods.Count;
        var done = 0;
        var reporting = new Lock();
        void Report(string stage, bool step = false)
        {
            lock (reporting)
            {
                if (step) done++;
                progress?.Report(new ForecastProgress(stage, done, total, watch.Elapsed));
            }
        }
        foreach (var method in methods)
        {
            Report($"backtest {method.Kind.Name()}");
            backtest.Run(method, options.Threads, () => Report($"backtest {method.Kind.Name()}", step: true), cancellationToken);
        }
        var baseMethods = methods.Select(x => x.Kind).ToArray();
        if (options.Methods.Contains(ForecastMethod.EtsArima)) MeanInBacktest(backtest, ForecastMethod.EtsArima, EtsArimaMembers);
        if (options.Methods.Contains(ForecastMethod.Combination)) CombineInBacktest(backtest, baseMethods);

        // Phase 3: the winner per series, scores and intervals per method.
        var scored = backtest.Methods.ToArray();
        var challengers = Challengers(backtest, scored, Anchor(scored));
        var chosen = new ForecastMethod[eligible.Length];
        var scores = new List<SeriesScore>();
        for (var i = 0; i < eligible.Length; i++)
        {
            var candidates = scored.Where(x => backtest.Covers(x, i)).Select(x => (Method: x, Score: backtest.Score(x, i))).ToArray();
            var anchor = Anchor(candidates.Select(c => c.Method).ToArray());
            chosen[i] = Choose(candidates, backtest.OriginsOf(i).Count(), anchor, challengers);
            foreach (var (method, score) in candidates)
                scores.Add(new SeriesScore(eligible[i].Id, method.Name(), score.Mase, score.Smape, method == chosen[i]));
        }
        var quantiles = scored.ToDictionary(x => x, x => ErrorQuantiles.From(
            backtest.ScaledErrors(x, Enumerable.Range(0, eligible.Length).Where(i => backtest.Covers(x, i)))));
        var summaries = scored.Select(x => Summarise(backtest, x, chosen)).ToList();

        // Phase 4: every method on the full series, then each series' chosen forecast with its intervals.
        var final = new double[]?[methods.Count][];
        Report("forecast");
        Work.For(methods.Count, options.Threads, j =>
        {
            final[j] = methods[j].Forecast(eligible, horizon, cancellationToken);
            Report("forecast", step: true);
        }, cancellationToken);
        var finals = Enumerable.Range(0, methods.Count).ToDictionary(j => methods[j].Kind, j => final[j]);
        if (backtest.Methods.Contains(ForecastMethod.EtsArima))
            finals[ForecastMethod.EtsArima] = Enumerable.Range(0, eligible.Length).Select(i => MeanOfAll(EtsArimaMembers.Select(x => finals[x][i]))).ToArray();
        var forecasts = new Dictionary<string, SeriesForecast>(StringComparer.Ordinal);
        for (var i = 0; i < eligible.Length; i++)
        {
            var s = eligible[i];
            var f = chosen[i] == ForecastMethod.Combination
                ? Mean(TopMethods(backtest, baseMethods, i, null).Select(x => finals[x][i]!))
                : finals[chosen[i]][i]!;
            var scale = Accuracy.Scale(s.Values, m);
            var points = Enumerable.Range(0, horizon).Select(h => quantiles[chosen[i]].Point(s.DateAt(s.Length + h), h, f[h], scale)).ToArray();
            forecasts[s.Id] = new SeriesForecast(s.Id, chosen[i].Name(), null, HistoryOf(s), points);
        }
        var etsBacktested = scored.Contains(ForecastMethod.Ets) && Enumerable.Range(0, eligible.Length).Any(i => backtest.Covers(ForecastMethod.Ets, i));
        foreach (var s in all.Where(s => !forecasts.ContainsKey(s.Id)))
            forecasts[s.Id] = stopped.TryGetValue(s.Id, out var lastOrder)
                ? Inactive.Forecast(s, horizon, lastOrder)
                : Fallback.Forecast(s, horizon, minimum, etsBacktested ? quantiles[ForecastMethod.Ets] : null);

        var ordered = all.Select(s => forecasts[s.Id]).ToArray();
        var depot = DepotTotal.Forecast(all, ordered, backtest, chosen, horizon, m);
        return new ForecastResult(period, horizon, ordered, depot, summaries, scores, watch.Elapsed) { Notes = notes };
    }

    /// <summary>The methods to backtest. The boosted model is left out where it could not be chosen (an anchor and fewer
    /// than <see cref="MinimumSeriesToChallenge"/> series): it is the slowest, and one model across a handful of series
    /// would only fill a row of the table.</summary>
    private static List<IForecastingMethod> MethodSet(ForecastOptions options, int backtested, List<string> notes)
    {
        var kinds = options.Methods.SelectMany(x => x == ForecastMethod.EtsArima ? EtsArimaMembers : [x])
            .Where(x => x != ForecastMethod.Combination).Prepend(ForecastMethod.SeasonalNaive).Distinct().ToList();
        var anchor = Anchor([.. options.Methods, .. kinds]);
        if (kinds.Contains(ForecastMethod.Boosted) && anchor is not null && backtested < MinimumSeriesToChallenge)
        {
            kinds.Remove(ForecastMethod.Boosted);
            if (backtested > 0)
                notes.Add($"the boosted model was not run: it learns across series, and with {backtested} to backtest (fewer than " +
                          $"{MinimumSeriesToChallenge}) it could not replace the {anchor.Value.Name()} forecast on any");
        }
        return kinds.Select(k => Create(k, options)).OfType<IForecastingMethod>().ToList();
    }

    private static IForecastingMethod? Create(ForecastMethod kind, ForecastOptions options) => kind switch
    {
        ForecastMethod.SeasonalNaive => new SeasonalNaive(),
        ForecastMethod.Ets => new Ets(),
        ForecastMethod.Arima => new Arima(),
        ForecastMethod.Boosted => new Boosted(options.Seed),
        ForecastMethod.Tsb => new Tsb(),
        _ => null,
    };

    private static readonly ForecastMethod[] EtsArimaMembers = [ForecastMethod.Ets, ForecastMethod.Arima];

    /// <summary>The method a series keeps unless another beats it clearly, among those available: the mean of ETS and
    /// ARIMA, else ETS, else none (every method competes on its backtest alone). On R's public series
    /// (benchmarks/forecast, six validation splits of two sets) the mean was better than ETS alone on four splits, level on
    /// one and 3.5% worse on one; ARIMA alone was better on four and up to 9.5% worse on the others.</summary>
    private static ForecastMethod? Anchor(IReadOnlyList<ForecastMethod> available) =>
        available.Contains(ForecastMethod.EtsArima) ? ForecastMethod.EtsArima : available.Contains(ForecastMethod.Ets) ? ForecastMethod.Ets : null;

    /// <summary>The methods that may replace the anchor on a series: those that did better than it over the whole
    /// history's backtest, on at least <see cref="MinimumSeriesToChallenge"/> series both forecast. One series' few
    /// rolling origins overlap and are too noisy to choose between model classes on their own: on R's public series,
    /// run one at a time (benchmarks/forecast, the validation splits), a per-series choice lost to plain ETS on most
    /// frequencies, while on the distributor's 200 stores the global boosted model beats ETS on most stores.
    /// Without an anchor, every method may be chosen.</summary>
    private static HashSet<ForecastMethod> Challengers(Backtest backtest, IReadOnlyList<ForecastMethod> scored, ForecastMethod? anchor)
    {
        if (anchor is not { } a) return [.. scored];
        var result = new HashSet<ForecastMethod>();
        foreach (var method in scored.Where(x => x != a))
        {
            var both = Enumerable.Range(0, backtest.Series.Count)
                .Where(i => backtest.Covers(method, i) && backtest.Covers(a, i)).ToArray();
            if (both.Length < MinimumSeriesToChallenge) continue;
            if (both.Average(i => backtest.Score(method, i).Mase) < both.Average(i => backtest.Score(a, i).Mase))
                result.Add(method);
        }
        return result;
    }

    /// <summary>The anchor unless another method's backtest MASE is lower by more than its margin over at least
    /// <see cref="MinimumOriginsToChallenge"/> origins: <see cref="ChallengerMargin"/> for a method among
    /// <paramref name="challengers"/> (those that beat the anchor over many series), <see cref="BaselineMargin"/> for
    /// seasonal naive otherwise. A few origins' scores are noisy, and a difference within that noise is no reason to
    /// leave the statistical models, whose own model choice (AICc) already weighs fit against complexity on all the
    /// data. Of several that clear their margin, the lowest MASE. Without an anchor (or where it could not forecast the
    /// series), the lowest MASE of those with a margin. Other methods are never chosen.</summary>
    internal static ForecastMethod Choose(IReadOnlyList<(ForecastMethod Method, (double Mase, double Smape) Score)> scored, int origins,
        ForecastMethod? anchor, IReadOnlySet<ForecastMethod> challengers)
    {
        var candidates = scored.Where(c => c.Method == anchor || !double.IsPositiveInfinity(Margin(c.Method))).ToArray();
        var best = candidates.MinBy(c => c.Score.Mase);
        var kept = candidates.Where(c => c.Method == anchor).Select(c => c.Score.Mase).DefaultIfEmpty(double.NaN).First();
        if (double.IsNaN(kept)) return best.Method;
        if (origins < MinimumOriginsToChallenge) return anchor!.Value;
        var clear = candidates.Where(c => c.Method != anchor && c.Score.Mase < (1 - Margin(c.Method)) * kept).ToArray();
        return clear.Length > 0 ? clear.MinBy(c => c.Score.Mase).Method : anchor!.Value;

        double Margin(ForecastMethod method) => challengers.Contains(method) ? ChallengerMargin
            : method == ForecastMethod.SeasonalNaive ? BaselineMargin : double.PositiveInfinity;
    }

    /// <summary>A derived method whose backtest forecast is the mean of its members' wherever all of them forecast.</summary>
    private static void MeanInBacktest(Backtest backtest, ForecastMethod method, IReadOnlyList<ForecastMethod> members)
    {
        if (!members.All(backtest.Methods.Contains)) return;
        var forecasts = new double[]?[backtest.Series.Count][];
        for (var i = 0; i < backtest.Series.Count; i++)
        {
            forecasts[i] = new double[]?[backtest.Origins];
            for (var k = 0; k < backtest.Origins; k++) forecasts[i][k] = MeanOfAll(members.Select(x => backtest.Forecast(x, i, k)));
        }
        backtest.Set(method, forecasts, members.Aggregate(TimeSpan.Zero, (t, x) => t + backtest.Time(x)));
    }

    /// <summary>The combination's backtest forecast at each origin is the mean of the methods that did best on the
    /// series at the other origins, so that its score is not flattered by choosing its members on what it is scored on.</summary>
    private static void CombineInBacktest(Backtest backtest, IReadOnlyList<ForecastMethod> baseMethods)
    {
        var watch = Stopwatch.StartNew();
        var forecasts = new double[]?[backtest.Series.Count][];
        for (var i = 0; i < backtest.Series.Count; i++)
        {
            forecasts[i] = new double[]?[backtest.Origins];
            foreach (var k in backtest.OriginsOf(i))
            {
                var members = TopMethods(backtest, baseMethods, i, backtest.OriginsOf(i).Count() > 1 ? k : null);
                if (members.Count < CombinationSize) continue;
                forecasts[i][k] = Mean(members.Select(x => backtest.Forecast(x, i, k)!));
            }
        }
        backtest.Set(ForecastMethod.Combination, forecasts, watch.Elapsed + baseMethods.Aggregate(TimeSpan.Zero, (t, x) => t + backtest.Time(x)));
    }

    private static IReadOnlyList<ForecastMethod> TopMethods(Backtest backtest, IReadOnlyList<ForecastMethod> baseMethods, int i, int? leaveOut) =>
        baseMethods.Where(x => backtest.Covers(x, i))
            .OrderBy(x => backtest.Score(x, i, leaveOut is null ? null : k => k != leaveOut).Mase)
            .Take(CombinationSize).ToArray();

    /// <summary>The mean of the forecasts when every one exists, else null (a member could not forecast the series).</summary>
    private static double[]? MeanOfAll(IEnumerable<double[]?> forecasts)
    {
        var list = forecasts.ToArray();
        return list.All(f => f is not null) ? Mean(list.Select(f => f!)) : null;
    }

    private static double[] Mean(IEnumerable<double[]> forecasts)
    {
        var list = forecasts.ToArray();
        var mean = new double[list[0].Length];
        foreach (var f in list)
            for (var h = 0; h < mean.Length; h++) mean[h] += f[h] / list.Length;
        return mean;
    }

    private static MethodSummary Summarise(Backtest backtest, ForecastMethod method, ForecastMethod[] chosen)
    {
        var covered = Enumerable.Range(0, backtest.Series.Count).Where(i => backtest.Covers(method, i)).ToArray();
        var scores = covered.Select(i => backtest.Score(method, i)).ToArray();
        var (in80, in95, count) = (0, 0, 0);
        for (var k = 0; k < backtest.Origins; k++)
        {
            var q = ErrorQuantiles.From(backtest.ScaledErrors(method, covered, backtest.Origins > 1 ? k : null));
            foreach (var i in covered)
            {
                if (backtest.TrainLength(i, k) is null) continue;
                var f = backtest.Forecast(method, i, k)!;
                for (var h = 0; h < backtest.Horizon; h++)
                {
                    var e = Math.Abs(backtest.Actual(i, k, h) - f[h]) / backtest.Scales[i][k];
                    if (e <= q.Half80[h]) in80++;
                    if (e <= q.Half95[h]) in95++;
                    count++;
                }
            }
        }
        return new MethodSummary(method.Name(), covered.Length,
            scores.Length == 0 ? double.NaN : scores.Average(s => s.Mase),
            scores.Length == 0 ? double.NaN : scores.Average(s => s.Smape),
            count == 0 ? double.NaN : (double)in80 / count, count == 0 ? double.NaN : (double)in95 / count,
            chosen.Count(c => c == method), backtest.Time(method));
    }

    internal static IReadOnlyList<PeriodValue> HistoryOf(RegularSeries s) =>
        s.Values.Select((v, i) => new PeriodValue(s.DateAt(i), v)).ToArray();
}
