namespace Logistics.Forecasting.History;

/// <summary>Order history of one or more series, as read: points in any order, not yet summed into periods.</summary>
public sealed class OrderHistory
{
    public OrderHistory(IEnumerable<HistoryPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        Points = points.ToArray();
        foreach (var p in Points)
        {
            if (string.IsNullOrWhiteSpace(p.Series)) throw new ArgumentException("a history point needs a series id", nameof(points));
            if (!double.IsFinite(p.Quantity) || p.Quantity < 0)
                throw new ArgumentException($"series '{p.Series}' on {p.Date:yyyy-MM-dd}: quantity {p.Quantity} must be a non-negative number", nameof(points));
        }
    }

    public IReadOnlyList<HistoryPoint> Points { get; }

    /// <summary>The series' ids in order of first appearance.</summary>
    public IReadOnlyList<string> SeriesIds => Points.Select(p => p.Series).Distinct(StringComparer.Ordinal).ToArray();
}
