using System.Globalization;

namespace Logistics.Forecasting.Calendar;

/// <summary>The Chinese public holidays that move order volumes, by rule: the Spring Festival (lunar new year,
/// from <see cref="ChineseLunisolarCalendar"/>, a week off from its eve), Qingming (about 5 April), Labour Day
/// (1–5 May), the Dragon Boat Festival (5th day of the 5th lunar month), the Mid-Autumn Festival (15th day of the
/// 8th lunar month) and National Day (1–7 October). Rules, not the State Council's yearly notice: the make-up
/// working days and bridged weekends of a given year are not known to it.</summary>
public static class ChineseHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The Spring Festival (first day of the lunar year) in the Gregorian year <paramref name="year"/> (1902 … 2100).</summary>
    public static DateOnly SpringFestival(int year) => DateOnly.FromDateTime(Lunar.ToDateTime(year, 1, 1, 0, 0, 0, 0));

    /// <summary>Signed days from <paramref name="date"/> to the nearest Spring Festival (positive: it is ahead).</summary>
    public static int DaysToSpringFestival(DateOnly date)
    {
        var best = int.MaxValue;
        for (var year = date.Year - 1; year <= date.Year + 1; year++)
        {
            if (year < 1902 || year > 2100) continue;
            var days = SpringFestival(year).DayNumber - date.DayNumber;
            if (Math.Abs(days) < Math.Abs(best)) best = days;
        }
        return best == int.MaxValue ? 365 : best;
    }

    /// <summary>Whether <paramref name="date"/> is a public holiday by the rules above.</summary>
    public static bool IsHoliday(DateOnly date) => HolidaysOf(date.Year).Contains(date);

    /// <summary>Holidays from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public static int CountBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var year = from.Year; year <= to.AddDays(-1).Year; year++)
            count += HolidaysOf(year).Count(d => d >= from && d < to);
        return count;
    }

    private static readonly Dictionary<int, HashSet<DateOnly>> Cache = [];
    private static readonly Lock CacheLock = new();

    private static HashSet<DateOnly> HolidaysOf(int year)
    {
        lock (CacheLock)
        {
            if (Cache.TryGetValue(year, out var cached)) return cached;
            var days = new HashSet<DateOnly> { new(year, 1, 1), new(year, 4, 5) };
            for (var d = 1; d <= 5; d++) days.Add(new DateOnly(year, 5, d));
            for (var d = 1; d <= 7; d++) days.Add(new DateOnly(year, 10, d));
            if (year is >= 1902 and <= 2100)
            {
                var festival = SpringFestival(year);
                for (var d = -1; d <= 5; d++) days.Add(festival.AddDays(d));
                days.Add(LunarDate(year, 5, 5));
                days.Add(LunarDate(year, 8, 15));
            }
            Cache[year] = days;
            return days;
        }
    }

    /// <summary>A lunar month and day of the lunar year starting in <paramref name="year"/>, the leap month
    /// (when the year has one before it) counted as the calendar counts it.</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var calendarMonth = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, calendarMonth, day, 0, 0, 0, 0));
    }
}
