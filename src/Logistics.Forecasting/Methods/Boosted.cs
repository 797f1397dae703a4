using Logistics.Forecasting.Calendar;
using Logistics.Forecasting.History;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Logistics.Forecasting.Methods;

/// <summary>One gradient-boosted tree model (ML.NET's LightGBM) across all series, forecasting every horizon step
/// directly (the step is a feature) from what is known at the origin: recent values, the same period one and two
/// seasons back, rolling means, series-level features, and the target period's calendar (month, week, weekday,
/// days to the Spring Festival, public holidays). Values are divided by the series' level at the origin (the mean
/// of its last season) so that trees learn shapes, not sizes, and need not extrapolate a trend. One thread and a
/// fixed seed: the same history gives the same forecast. The Spring Festival's effect is taken out before and put
/// back after (<see cref="FestivalAdjustment"/>), as trees cannot carry it to a date it has not fallen on.</summary>
internal sealed class Boosted(int seed) : IForecastingMethod
{
    private const int MaxRows = 150_000;

    public ForecastMethod Kind => ForecastMethod.Boosted;

    public int MinimumLength(int seasonLength) => seasonLength + 2;

    public double[]?[] Forecast(IReadOnlyList<RegularSeries> series, int horizon, CancellationToken cancellationToken)
    {
        var result = new double[]?[series.Count];
        if (series.Count == 0) return result;
        var period = series[0].Period;
        var shape = new FeatureShape(period, horizon);
        // The trees learn the festival-adjusted series; the festival's effect is put back on the forecast.
        var festival = FestivalAdjustment.Fit(series);
        var original = series;
        series = festival.IsNone ? series : series.Select(s => s with { Values = s.Values.Select((v, t) => v / festival.Factor(s.DateAt(t))).ToArray() }).ToArray();

        var samples = TrainingSamples(series, shape);
        if (samples.Count < 50) return result;
        cancellationToken.ThrowIfCancellationRequested();

        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Sample));
        schema[nameof(Sample.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, shape.Count);
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = 300,
            LearningRate = 0.05,
            NumberOfLeaves = 31,
            MinimumExampleCountPerLeaf = Math.Clamp(samples.Count / 200, 5, 50),
            NumberOfThreads = 1,
            Seed = seed,
            Silent = true,
            Booster = new GradientBooster.Options { FeatureFraction = 0.8, L2Regularization = 1 },
        });
        var model = trainer.Fit(ml.Data.LoadFromEnumerable(samples, schema));
        cancellationToken.ThrowIfCancellationRequested();

        var queries = new List<Sample>();
        var owners = new List<(int Series, int Step, double Level)>();
        for (var i = 0; i < series.Count; i++)
        {
            var y = series[i].Values;
            if (y.Length < MinimumLength(period.SeasonLength())) continue;
            var level = Level(y, y.Length - 1, shape.LevelWindow);
            if (level <= 0)
            {
                result[i] = new double[horizon];
                continue;
            }
            for (var k = 1; k <= horizon; k++)
            {
                queries.Add(new Sample { Features = shape.Features(series[i], y.Length - 1, k, level) });
                owners.Add((i, k, level));
            }
        }
        if (queries.Count == 0) return result;
        var scores = model.Transform(ml.Data.LoadFromEnumerable(queries, schema)).GetColumn<float>("Score").ToArray();
        for (var q = 0; q < scores.Length; q++)
        {
            var (i, k, level) = owners[q];
            result[i] ??= new double[horizon];
            result[i]![k - 1] = Math.Max(0, scores[q] * level * festival.Factor(original[i].DateAt(original[i].Length + k - 1)));
        }
        return result;
    }

    private static List<Sample> TrainingSamples(IReadOnlyList<RegularSeries> series, FeatureShape shape)
    {
        var m = shape.Period.SeasonLength();
        var origins = series.Sum(s => Math.Max(0, s.Length - 1 - m)) * shape.Horizon;
        var stride = Math.Max(1, (int)Math.Ceiling((double)origins / MaxRows));
        var samples = new List<Sample>();
        foreach (var s in series)
        {
            var y = s.Values;
            // Origins from the latest back, so that the most recent ones are always in.
            for (var t = y.Length - 2; t >= m; t -= stride)
            {
                var level = Level(y, t, shape.LevelWindow);
                if (level <= 0) continue;
                for (var k = 1; k <= shape.Horizon && t + k < y.Length; k++)
                    samples.Add(new Sample { Label = (float)(y[t + k] / level), Features = shape.Features(s, t, k, level) });
            }
        }
        return samples;
    }

    /// <summary>Mean of the <paramref name="window"/> values up to index <paramref name="t"/>; the whole prefix
    /// when that window is all zero.</summary>
    private static double Level(double[] y, int t, int window)
    {
        var from = Math.Max(0, t - window + 1);
        var sum = 0.0;
        for (var j = from; j <= t; j++) sum += y[j];
        if (sum > 0) return sum / (t - from + 1);
        for (var j = 0; j < from; j++) sum += y[j];
        return sum / (t + 1);
    }

    private sealed class Sample
    {
        public float Label { get; set; }
        public float[] Features { get; set; } = [];
    }

    /// <summary>The feature vector's layout for one period and horizon.</summary>
    private sealed class FeatureShape(Period period, int horizon)
    {
        private readonly int _m = period.SeasonLength();
        private readonly int _lags = Math.Clamp(period.SeasonLength(), 7, 14);

        public Period Period => period;
        public int Horizon => horizon;
        public int LevelWindow => period == Period.Day ? 28 : _m;
        public int Count => 1 + _lags + 2 + 2 + 3 + CalendarFeatures.Count + 1;

        public float[] Features(RegularSeries s, int t, int k, double level)
        {
            var y = s.Values;
            var f = new float[Count];
            var i = 0;
            f[i++] = k;
            for (var lag = 0; lag < _lags; lag++) f[i++] = t - lag >= 0 ? (float)(y[t - lag] / level) : float.NaN;
            var target = t + k;
            var seasonsBack = (k + _m - 1) / _m;
            var seasonal1 = target - seasonsBack * _m;
            var seasonal2 = seasonal1 - _m;
            f[i++] = seasonal1 >= 0 ? (float)(y[seasonal1] / level) : float.NaN;
            f[i++] = seasonal2 >= 0 ? (float)(y[seasonal2] / level) : float.NaN;
            f[i++] = (float)(Mean(y, t, 4) / level);
            f[i++] = t + 1 >= 2 * _m ? (float)(Mean(y, t, 2 * _m) / level) : float.NaN;
            f[i++] = (float)Math.Log(1 + level);
            var (cv, zeros) = Shape(y, t);
            f[i++] = (float)cv;
            f[i++] = (float)zeros;
            var date = s.DateAt(target);
            CalendarFeatures.Write(period, date, f.AsSpan(i, CalendarFeatures.Count));
            i += CalendarFeatures.Count;
            f[i] = seasonal1 >= 0 ? Math.Clamp(ChineseHolidays.DaysToSpringFestival(s.DateAt(seasonal1)), -90, 90) : float.NaN;
            return f;
        }

        private static double Mean(double[] y, int t, int window)
        {
            var from = Math.Max(0, t - window + 1);
            var sum = 0.0;
            for (var j = from; j <= t; j++) sum += y[j];
            return sum / (t - from + 1);
        }

        /// <summary>Coefficient of variation and share of zero periods over the last two seasons.</summary>
        private (double Cv, double Zeros) Shape(double[] y, int t)
        {
            var from = Math.Max(0, t - 2 * _m + 1);
            var n = t - from + 1;
            double sum = 0, squares = 0, zeros = 0;
            for (var j = from; j <= t; j++)
            {
                sum += y[j];
                squares += y[j] * y[j];
                if (y[j] == 0) zeros++;
            }
            var mean = sum / n;
            var variance = Math.Max(0, squares / n - mean * mean);
            return (mean > 0 ? Math.Sqrt(variance) / mean : 0, zeros / n);
        }
    }
}
