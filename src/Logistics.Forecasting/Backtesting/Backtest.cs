using System.Diagnostics;
using Logistics.Forecasting.History;
using Logistics.Forecasting.Methods;

namespace Logistics.Forecasting.Backtesting;

/// <summary>Rolling-origin backtest: every method forecasts each series from several origins, each holding out
/// the horizon after it (origins <see cref="Step"/> periods apart, the last one ending at the series' end).
/// Keeps every forecast, so that scores, the combination, the choice and the intervals all come from it.</summary>
internal sealed class Backtest
{
    private readonly IReadOnlyList<RegularSeries> _series;
    private readonly int _horizon;
    private readonly int _origins;
    private readonly int _m;

    /// <summary>Forecasts by method, series, origin: null where the method could not forecast.</summary>
    private readonly Dictionary<ForecastMethod, double[]?[][]> _forecasts = [];
    private readonly Dictionary<ForecastMethod, TimeSpan> _time = [];

    public Backtest(IReadOnlyList<RegularSeries> series, int horizon, int origins, int seasonLength)
    {
        _series = series;
        _horizon = horizon;
        _origins = origins;
        _m = seasonLength;
        Step = Math.Max(1, (horizon + 1) / 2);
        Scales = new double[series.Count][];
        for (var i = 0; i < series.Count; i++)
        {
            Scales[i] = new double[origins];
            for (var k = 0; k < origins; k++)
                if (TrainLength(i, k) is { } n) Scales[i][k] = Accuracy.Scale(series[i].Values.AsSpan(0, n), seasonLength);
        }
    }

    public int Step { get; }
    public int Origins => _origins;
    public int Horizon => _horizon;
    public IReadOnlyList<RegularSeries> Series => _series;

    /// <summary>MASE scale of each series' training part at each origin.</summary>
    public double[][] Scales { get; }

    /// <summary>The shortest training part an origin may have: two seasons and two more periods. With less, the
    /// seasonal methods cannot estimate a season, and a backtest from such origins would judge them unfairly.</summary>
    public static int MinimumTraining(int seasonLength) => 2 * seasonLength + 2;

    /// <summary>Training length of series <paramref name="i"/> at origin <paramref name="k"/> (0 = earliest), or
    /// null when the series is too short for that origin.</summary>
    public int? TrainLength(int i, int k)
    {
        var n = _series[i].Length - _horizon - (_origins - 1 - k) * Step;
        return n >= MinimumTraining(_m) ? n : null;
    }

    public double Actual(int i, int k, int h) => _series[i].Values[TrainLength(i, k)!.Value + h];

    /// <summary>Backtests a method from every origin; origins run in parallel on up to <paramref name="threads"/> threads,
    /// each a separate call of the method, so the forecasts do not depend on the number of threads. The method's time is
    /// the sum of its origins' times (compute time, not wall time, when they overlap).</summary>
    public void Run(IForecastingMethod method, int threads, Action originDone, CancellationToken cancellationToken)
    {
        var forecasts = new double[]?[_series.Count][];
        for (var i = 0; i < _series.Count; i++) forecasts[i] = new double[]?[_origins];
        var ticks = new long[_origins];
        Work.For(_origins, threads, k =>
        {
            var watch = Stopwatch.StartNew();
            var indices = new List<int>();
            var heads = new List<RegularSeries>();
            for (var i = 0; i < _series.Count; i++)
                if (TrainLength(i, k) is { } n)
                {
                    indices.Add(i);
                    heads.Add(_series[i].Head(n));
                }
            if (heads.Count > 0)
            {
                var result = method.Forecast(heads, _horizon, cancellationToken);
                for (var j = 0; j < indices.Count; j++) forecasts[indices[j]][k] = result[j];
            }
            ticks[k] = watch.Elapsed.Ticks;
            originDone();
        }, cancellationToken);
        _forecasts[method.Kind] = forecasts;
        _time[method.Kind] = TimeSpan.FromTicks(ticks.Sum());
    }

    public IEnumerable<ForecastMethod> Methods => _forecasts.Keys;

    public TimeSpan Time(ForecastMethod method) => _time.GetValueOrDefault(method);

    public double[]? Forecast(ForecastMethod method, int i, int k) => _forecasts[method][i][k];

    /// <summary>Sets a derived method's backtest forecasts (the combination).</summary>
    public void Set(ForecastMethod method, double[]?[][] forecasts, TimeSpan time)
    {
        _forecasts[method] = forecasts;
        _time[method] = time;
    }

    /// <summary>Origins at which series <paramref name="i"/> is scored.</summary>
    public IEnumerable<int> OriginsOf(int i) => Enumerable.Range(0, _origins).Where(k => TrainLength(i, k) is not null);

    /// <summary>Whether the method forecast series <paramref name="i"/> at every origin it is scored at.</summary>
    public bool Covers(ForecastMethod method, int i) =>
        _forecasts.TryGetValue(method, out var f) && OriginsOf(i).Any() && OriginsOf(i).All(k => f[i][k] is not null);

    /// <summary>Mean MASE and sMAPE of a method on a series, over the given origins (all by default).</summary>
    public (double Mase, double Smape) Score(ForecastMethod method, int i, Func<int, bool>? originFilter = null)
    {
        double mase = 0, smape = 0;
        var count = 0;
        foreach (var k in OriginsOf(i))
        {
            if (originFilter is not null && !originFilter(k)) continue;
            var f = _forecasts[method][i][k]!;
            double abs = 0, sm = 0;
            for (var h = 0; h < _horizon; h++)
            {
                var a = Actual(i, k, h);
                abs += Math.Abs(a - f[h]);
                sm += Accuracy.Smape(a, f[h]);
            }
            mase += abs / _horizon / Scales[i][k];
            smape += sm / _horizon;
            count++;
        }
        return count == 0 ? (double.NaN, double.NaN) : (mase / count, smape / count);
    }

    /// <summary>Scaled errors by horizon step of a method over the given series, leaving out one origin if asked.</summary>
    public List<double>[] ScaledErrors(ForecastMethod method, IEnumerable<int> series, int? leaveOut = null)
    {
        var errors = Enumerable.Range(0, _horizon).Select(_ => new List<double>()).ToArray();
        foreach (var i in series)
            foreach (var k in OriginsOf(i))
            {
                if (k == leaveOut || _forecasts[method][i][k] is not { } f) continue;
                for (var h = 0; h < _horizon; h++) errors[h].Add((Actual(i, k, h) - f[h]) / Scales[i][k]);
            }
        return errors;
    }
}
