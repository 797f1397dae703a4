namespace Logistics.Service.Forecasts.Contracts;

/// <summary>POST /api/forecasts/{id}/orders: the orders saved for <see cref="Date"/> from one forecast period.</summary>
/// <param name="Level">forecast (the point forecast) or upper80.</param>
/// <param name="SkippedSeries">Series of the forecast that are not in the saved store list (no order can name them).</param>
/// <param name="PlanWith">Where to plan the day: the plans API's body, and the dispatcher page for the date.</param>
public sealed record WhatIfOrders(string ForecastId, DateOnly Period, DateOnly Date, string Level, int Orders, int Cartons,
    IReadOnlyList<string> SkippedSeries, string PlanWith, string Page);
