namespace Logistics.Service.Excursions;

/// <summary>An excursion and the readings it is made of (start up to, not including, the end).</summary>
public sealed record ExcursionDetail(ExcursionSummary Excursion, IReadOnlyList<ExcursionDetail.Reading> Readings)
{
    public sealed record Reading(DateTimeOffset T, double? TemperatureC, double? HumidityPct);
}
