namespace Logistics.Data.Forecasts;

/// <summary>What a forecast job was asked for, as the API read it.</summary>
/// <param name="Period">day, week, month or quarter; null to infer it from the history's dates.</param>
/// <param name="Missing">zero or interpolate.</param>
/// <param name="Methods">Method names to choose from; null for all.</param>
public sealed record ForecastJobOptions(int Horizon, string? Period, string Missing, IReadOnlyList<string>? Methods, int Origins, int Seed);
