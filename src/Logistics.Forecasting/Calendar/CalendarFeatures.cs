namespace Logistics.Forecasting.Calendar;

/// <summary>Calendar features of one period, for the boosted model: where in the year it is, how far the
/// Spring Festival is, and how many public holidays it holds.</summary>
internal static class CalendarFeatures
{
    public const int Count = 6;

    /// <summary>Writes the features of the period starting on <paramref name="start"/> into <paramref name="features"/>.</summary>
    public static void Write(Period period, DateOnly start, Span<float> features)
    {
        var end = period.Add(start, 1);
        var middle = start.AddDays((end.DayNumber - start.DayNumber) / 2);
        features[0] = start.Month;
        features[1] = (start.DayOfYear - 1) / 7;
        features[2] = period == Period.Day ? (int)start.DayOfWeek : -1;
        features[3] = Math.Clamp(ChineseHolidays.DaysToSpringFestival(middle), -90, 90);
        features[4] = SpringFestivalInside(start, end) ? 1 : 0;
        features[5] = ChineseHolidays.CountBetween(start, end);
    }

    private static bool SpringFestivalInside(DateOnly start, DateOnly end)
    {
        for (var year = start.Year; year <= end.Year; year++)
        {
            if (year < 1902 || year > 2100) continue;
            var festival = ChineseHolidays.SpringFestival(year);
            if (festival >= start && festival < end) return true;
        }
        return false;
    }
}
