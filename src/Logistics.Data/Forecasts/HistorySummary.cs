namespace Logistics.Data.Forecasts;

/// <summary>What the saved order history holds; <see cref="First"/> and <see cref="Last"/> are null when it is empty.</summary>
public sealed record HistorySummary(int Series, int Rows, DateOnly? First, DateOnly? Last, double Total);
