namespace Logistics.Forecasting.History;

/// <summary>A history of orders taken every day or every few days, summed into weeks or months, usually ends inside
/// a period: a week that ends on its Wednesday would read as a low week and drag every method's forecast down. That
/// period is left out of the series and forecast whole as the first future period instead. A history whose dates are
/// already one per period (monthly totals dated the 1st or the 15th) has no such period.</summary>
public static class IncompletePeriod
{
    /// <summary>The start of the history's last period when the history ends before that period's last day and its
    /// dates are finer than the period (their median gap shorter than the period); otherwise null.</summary>
    public static DateOnly? Find(OrderHistory history, Period period)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Points.Count == 0 || period == Period.Day) return null;
        var gap = Periods.MedianGapDays(history.Points.Select(p => (p.Series, p.Date)));
        if (gap is null || gap >= period.MinimumDays()) return null;
        var last = history.Points.Max(p => p.Date);
        var start = period.Start(last);
        var lastDay = period.Add(start, 1).AddDays(-1);
        return last < lastDay ? start : null;
    }

    /// <summary>The history without the rows on or after <paramref name="start"/>.</summary>
    public static OrderHistory Before(OrderHistory history, DateOnly start) =>
        new(history.Points.Where(p => p.Date < start));
}
