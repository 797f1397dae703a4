using System.Globalization;
using Logistics.Core.Csv;
using Logistics.Forecasting.History;
using Logistics.Service.History.Contracts;

namespace Logistics.Service.History;

/// <summary>A JSON history upload under the rules <see cref="HistoryCsv"/> applies to a file, every refusal an
/// <see cref="InputError"/> whose File is the item's JSON path (e.g. "$[3]") and whose Field is the member.</summary>
public static class HistoryJsonReader
{
    public static IReadOnlyList<HistoryPoint> Read(IReadOnlyList<HistoryPointJson?> items, List<InputError> errors)
    {
        var points = new List<HistoryPoint>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$[{i}]";
            if (items[i] is not { } item)
            {
                errors.Add(new InputError(path, 0, "row", "null", "an object {\"series\", \"date\", \"quantity\"} is required"));
                continue;
            }
            var series = string.IsNullOrWhiteSpace(item.Series) ? null : item.Series.Trim();
            if (series is null) errors.Add(new InputError(path, 0, "series", item.Series ?? "", "a series (store) id is required"));
            DateOnly? date = null;
            if (item.Date is null) errors.Add(new InputError(path, 0, "date", "", "a date is required (yyyy-MM-dd)"));
            else if (DateOnly.TryParseExact(item.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else errors.Add(new InputError(path, 0, "date", item.Date, "not a date (use yyyy-MM-dd)"));
            var quantity = item.Quantity;
            if (quantity is null) errors.Add(new InputError(path, 0, "quantity", "", "a quantity is required"));
            else if (!double.IsFinite(quantity.Value) || quantity < 0)
            {
                errors.Add(new InputError(path, 0, "quantity", quantity.Value.ToString(CultureInfo.InvariantCulture), "a quantity must not be negative"));
                quantity = null;
            }
            if (series is not null && date is not null && quantity is not null) points.Add(new HistoryPoint(series, date.Value, quantity.Value));
        }
        if (items.Count == 0) errors.Add(new InputError("request body", 0, "history", "[]", "the list has no history rows"));
        return points;
    }
}
