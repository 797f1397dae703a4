using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Backtesting;

/// <summary>The depot total, bottom-up: the sum of the series' forecasts, with an interval from the backtest's
/// summed errors (the errors of the series' chosen methods, summed per origin and step, so that stores that err
/// together widen it and stores that cancel out narrow it).</summary>
internal static class DepotTotal
{
    public const string Method = "bottom-up";

    public static SeriesForecast Forecast(IReadOnlyList<RegularSeries> all, IReadOnlyList<SeriesForecast> forecasts,
        Backtest backtest, ForecastMethod[] chosen, int horizon, int m)
    {
        var period = all[0].Period;
        var start = all.Min(s => s.Start);
        var length = all.Max(s => period.Between(start, s.Start) + s.Length);
        var values = new double[length];
        foreach (var s in all)
        {
            var offset = period.Between(start, s.Start);
            for (var t = 0; t < s.Length; t++) values[offset + t] += s.Values[t];
        }
        var total = new RegularSeries(ForecastResult.DepotTotalId, period, start, values);

        var errors = Enumerable.Range(0, horizon).Select(_ => new List<double>()).ToArray();
        for (var k = 0; k < backtest.Origins; k++)
        {
            var summed = new double[horizon];
            var any = false;
            for (var i = 0; i < backtest.Series.Count; i++)
            {
                if (backtest.TrainLength(i, k) is null || backtest.Forecast(chosen[i], i, k) is not { } f) continue;
                any = true;
                for (var h = 0; h < horizon; h++) summed[h] += backtest.Actual(i, k, h) - f[h];
            }
            if (!any) continue;
            var trainEnd = length - horizon - (backtest.Origins - 1 - k) * backtest.Step;
            var scale = Accuracy.Scale(values.AsSpan(0, trainEnd), m);
            for (var h = 0; h < horizon; h++) errors[h].Add(summed[h] / scale);
        }
        var quantiles = ErrorQuantiles.From(errors);
        var fullScale = Accuracy.Scale(values, m);
        var points = Enumerable.Range(0, horizon).Select(h =>
        {
            var date = total.DateAt(total.Length + h);
            var sum = forecasts.Sum(f => f.Points[h].Forecast);
            return quantiles.Point(date, h, sum, fullScale);
        }).ToArray();
        return new SeriesForecast(total.Id, Method, null, Forecaster.HistoryOf(total), points);
    }
}
