namespace Logistics.Service.History.Contracts;

/// <summary>One history row in a JSON upload: what a series (store) ordered on a date (yyyy-MM-dd).</summary>
public sealed record HistoryPointJson(string? Series, string? Date, double? Quantity);
