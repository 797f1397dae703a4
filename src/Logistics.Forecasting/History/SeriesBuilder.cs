namespace Logistics.Forecasting.History;

/// <summary>Turns read history into regular series: rows summed into periods, every series running from its
/// first period to the history's last one. A gap inside a series is filled as <see cref="MissingValues"/> says;
/// the periods after a series' last row are zero (a store that stopped ordering).</summary>
internal static class SeriesBuilder
{
    public static IReadOnlyList<RegularSeries> Build(OrderHistory history, Period period, MissingValues missing)
    {
        var end = history.Points.Max(p => period.Start(p.Date));
        var result = new List<RegularSeries>();
        foreach (var group in history.Points.GroupBy(p => p.Series, StringComparer.Ordinal))
        {
            var sums = new SortedDictionary<DateOnly, double>();
            foreach (var p in group)
            {
                var start = period.Start(p.Date);
                sums[start] = sums.GetValueOrDefault(start) + p.Quantity;
            }
            var first = sums.Keys.First();
            var last = sums.Keys.Last();
            var values = new double[period.Between(first, end) + 1];
            var observed = new bool[values.Length];
            foreach (var (date, sum) in sums)
            {
                var i = period.Between(first, date);
                values[i] = sum;
                observed[i] = true;
            }
            if (missing == MissingValues.Interpolate) Interpolate(values, observed, period.Between(first, last));
            result.Add(new RegularSeries(group.Key, period, first, values));
        }
        return result;
    }

    /// <summary>Linear between observed neighbours, up to <paramref name="lastObserved"/>.</summary>
    private static void Interpolate(double[] values, bool[] observed, int lastObserved)
    {
        var previous = 0;
        for (var i = 1; i <= lastObserved; i++)
        {
            if (!observed[i]) continue;
            for (var j = previous + 1; j < i; j++)
                values[j] = values[previous] + (values[i] - values[previous]) * (j - previous) / (i - previous);
            previous = i;
        }
    }
}
