using Logistics.Forecasting;
using Logistics.Service.Forecasts.Contracts;

namespace Logistics.Service.Forecasts;

/// <summary>Stores to stock up before a peak: each series' forecast summed into calendar months (a period counts
/// in the month it starts in), this month (the first the forecast covers) against the next, compared per day so
/// that a 28-day February is not a dip by itself.</summary>
public static class StockUp
{
    public const double DefaultThresholdPercent = 20;

    /// <returns>Null when the forecast does not reach into a second month (the horizon is too short).</returns>
    public static (DateOnly ThisMonth, DateOnly NextMonth, IReadOnlyList<StockUpStore> Stores)? Compute(ForecastResult result, double thresholdPercent)
    {
        if (result.DepotTotal.Points.Count == 0) return null;
        var first = result.DepotTotal.Points[0].Date;
        var thisMonth = new DateOnly(first.Year, first.Month, 1);
        var nextMonth = thisMonth.AddMonths(1);
        if (result.DepotTotal.Points.All(p => p.Date < nextMonth)) return null;
        var stores = new List<StockUpStore>();
        foreach (var s in result.Series)
        {
            var (now, nowDays) = Month(s, thisMonth, result.Period);
            var (next, nextDays) = Month(s, nextMonth, result.Period);
            if (next <= 0 || nextDays == 0) continue;
            double? increase = now > 0 && nowDays > 0 ? (next / nextDays) / (now / nowDays) * 100 - 100 : null;
            if (increase is { } i && i < thresholdPercent) continue;
            stores.Add(new StockUpStore(s.Series, Math.Round(now, 1), Math.Round(next, 1), increase is { } v ? Math.Round(v, 1) : null));
        }
        // A store with nothing forecast this month and something next month rises most of all.
        return (thisMonth, nextMonth, stores.OrderByDescending(s => s.IncreasePercent ?? double.PositiveInfinity).ThenBy(s => s.Series, StringComparer.Ordinal).ToArray());
    }

    private static (double Cartons, int Days) Month(SeriesForecast s, DateOnly month, Period period)
    {
        var points = s.Points.Where(p => p.Date.Year == month.Year && p.Date.Month == month.Month).ToArray();
        return (points.Sum(p => Math.Max(p.Forecast, 0)), points.Sum(p => period.Add(p.Date, 1).DayNumber - p.Date.DayNumber));
    }
}
