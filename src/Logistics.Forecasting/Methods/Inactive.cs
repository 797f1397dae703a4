using Logistics.Forecasting.History;

namespace Logistics.Forecasting.Methods;

/// <summary>A store that stopped ordering (closed, or moved to another depot) is forecast zero and said so, instead of
/// being backtested: its held-out windows are all zero, where scores mean nothing (sMAPE 200, MASE 0) and only
/// dilute the other stores' averages. Stopped means silent for longer than both <see cref="MinimumSilenceDays"/>
/// and three times the longest silence it had before between orders (a store that orders every few weeks is not
/// closed after two quiet weeks; one closed for the Spring Festival is back within a fortnight).</summary>
internal static class Inactive
{
    public const int MinimumSilenceDays = 56;

    /// <summary>The start of the series' last period with an order when it has stopped ordering; null while it orders.
    /// <see cref="DateOnly.MinValue"/> for a series that never ordered.</summary>
    public static DateOnly? LastOrder(RegularSeries s)
    {
        var y = s.Values;
        var last = Array.FindLastIndex(y, v => v > 0);
        if (last < 0) return DateOnly.MinValue;
        var silent = y.Length - 1 - last;
        var longest = 0;
        var run = 0;
        for (var t = Array.FindIndex(y, v => v > 0); t <= last; t++)
        {
            run = y[t] > 0 ? 0 : run + 1;
            longest = Math.Max(longest, run);
        }
        var minimum = Math.Max((MinimumSilenceDays + s.Period.MinimumDays() - 1) / s.Period.MinimumDays(), 3 * (longest + 1));
        return silent >= minimum ? s.DateAt(last) : null;
    }

    public static SeriesForecast Forecast(RegularSeries s, int horizon, DateOnly lastOrder)
    {
        var points = Enumerable.Range(0, horizon).Select(h => new ForecastPoint(s.DateAt(s.Length + h), 0, 0, 0, 0, 0)).ToArray();
        var note = lastOrder == DateOnly.MinValue
            ? "no orders in the history: forecast zero"
            : $"no orders since the {s.Period.Name()} of {lastOrder:yyyy-MM-dd} (closed or moved?): forecast zero";
        return new SeriesForecast(s.Id, ForecastMethods.InactiveName, note, Forecaster.HistoryOf(s), points);
    }
}
