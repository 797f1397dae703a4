namespace Logistics.Forecasting.Calendar;

/// <summary>Calendar features of one period, for the boosted model: where in the year it is, how far the
/// Spring Festival is and how many of the period's days fall in the three weeks before it, the week before it
/// and its own week (the stocking-up and the closing that move between January and February), and how many
/// public holidays the period holds.</summary>
internal static class CalendarFeatures
{
    public const int Count = 8;

    /// <summary>Writes the features of the period starting on <paramref name="start"/> into <paramref name="features"/>.</summary>
    public static void Write(Period period, DateOnly start, Span<float> features)
    {
        var end = period.Add(start, 1);
        var middle = start.AddDays((end.DayNumber - start.DayNumber) / 2);
        features[0] = start.Month;
        features[1] = (start.DayOfYear - 1) / 7;
        features[2] = period == Period.Day ? (int)start.DayOfWeek : -1;
        features[3] = Math.Clamp(ChineseHolidays.DaysToSpringFestival(middle), -90, 90);
        features[4] = DaysAround(start, end, -21, 0);
        features[5] = DaysAround(start, end, -7, 0);
        features[6] = DaysAround(start, end, 0, 7);
        features[7] = ChineseHolidays.CountBetween(start, end);
    }

    /// <summary>Days of [start, end) that lie from <paramref name="from"/> (inclusive) to <paramref name="to"/>
    /// (exclusive) days after a Spring Festival.</summary>
    internal static int DaysAround(DateOnly start, DateOnly end, int from, int to)
    {
        var count = 0;
        for (var year = start.Year; year <= end.Year + 1; year++)
        {
            if (year < 1902 || year > 2100) continue;
            var festival = ChineseHolidays.SpringFestival(year).DayNumber;
            var lo = Math.Max(start.DayNumber, festival + from);
            var hi = Math.Min(end.DayNumber, festival + to);
            if (hi > lo) count += hi - lo;
        }
        return count;
    }
}
