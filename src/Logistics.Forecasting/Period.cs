namespace Logistics.Forecasting;

/// <summary>The length of one forecast step. Weeks start on Monday; a period is named by its first day.</summary>
public enum Period
{
    Day,
    Week,
    Month,
    Quarter,
}

/// <summary>Calendar arithmetic on <see cref="Period"/>s and the inference of a history's period from its dates.</summary>
public static class Periods
{
    /// <summary>The first day of the period holding <paramref name="date"/>.</summary>
    public static DateOnly Start(this Period period, DateOnly date) => period switch
    {
        Period.Day => date,
        Period.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        Period.Month => new DateOnly(date.Year, date.Month, 1),
        Period.Quarter => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period"),
    };

    /// <summary>The start of the period <paramref name="steps"/> after the one starting on <paramref name="start"/>.</summary>
    public static DateOnly Add(this Period period, DateOnly start, int steps) => period switch
    {
        Period.Day => start.AddDays(steps),
        Period.Week => start.AddDays(7 * steps),
        Period.Month => start.AddMonths(steps),
        Period.Quarter => start.AddMonths(3 * steps),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period"),
    };

    /// <summary>Whole periods from the one starting on <paramref name="from"/> to the one starting on <paramref name="to"/>.</summary>
    public static int Between(this Period period, DateOnly from, DateOnly to) => period switch
    {
        Period.Day => to.DayNumber - from.DayNumber,
        Period.Week => (to.DayNumber - from.DayNumber) / 7,
        Period.Month => (to.Year - from.Year) * 12 + to.Month - from.Month,
        Period.Quarter => ((to.Year - from.Year) * 12 + to.Month - from.Month) / 3,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period"),
    };

    /// <summary>Periods in a year: the season length the seasonal methods use (a week's 7 days for daily data,
    /// whose yearly pattern the global model's calendar features carry instead).</summary>
    public static int SeasonLength(this Period period) => period switch
    {
        Period.Day => 7,
        Period.Week => 52,
        Period.Month => 12,
        Period.Quarter => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period"),
    };

    /// <summary>The name used on the command line and in files: day, week, month, quarter.</summary>
    public static string Name(this Period period) => period.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Period period)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "day" or "daily" or "d": period = Period.Day; return true;
            case "week" or "weekly" or "w": period = Period.Week; return true;
            case "month" or "monthly" or "m": period = Period.Month; return true;
            case "quarter" or "quarterly" or "q": period = Period.Quarter; return true;
            default: period = default; return false;
        }
    }

    /// <summary>The period of a history, from the typical gap between a series' consecutive dates (the median
    /// over all series): about a day is daily, up to ten days weekly (irregular orders every few days are summed
    /// into weeks), up to 45 days monthly, more quarterly. A history with one date per series is monthly.</summary>
    public static Period Infer(IEnumerable<(string Series, DateOnly Date)> dates) => MedianGapDays(dates) switch
    {
        null => Period.Month,
        <= 1 => Period.Day,
        <= 10 => Period.Week,
        <= 45 => Period.Month,
        _ => Period.Quarter,
    };

    /// <summary>The median gap in days between a series' consecutive dates over all series, or null when no series
    /// has two dates.</summary>
    public static int? MedianGapDays(IEnumerable<(string Series, DateOnly Date)> dates)
    {
        var gaps = new List<int>();
        foreach (var series in dates.GroupBy(d => d.Series, StringComparer.Ordinal))
        {
            var days = series.Select(d => d.Date.DayNumber).Distinct().Order().ToArray();
            for (var i = 1; i < days.Length; i++) gaps.Add(days[i] - days[i - 1]);
        }
        if (gaps.Count == 0) return null;
        gaps.Sort();
        return gaps[gaps.Count / 2];
    }

    /// <summary>The fewest days a period has: 1, 7, 28, 90.</summary>
    public static int MinimumDays(this Period period) => period switch
    {
        Period.Day => 1,
        Period.Week => 7,
        Period.Month => 28,
        Period.Quarter => 90,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period"),
    };
}
