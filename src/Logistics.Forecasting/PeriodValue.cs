namespace Logistics.Forecasting;

/// <summary>One period of history after summing into periods and filling gaps.</summary>
public readonly record struct PeriodValue(DateOnly Date, double Quantity);
