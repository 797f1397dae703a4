using Logistics.Forecasting;

namespace Logistics.Data.Forecasts;

/// <summary>A forecast job and, once it has one, its result.</summary>
/// <param name="Status">One of <see cref="Plans.PlanStatus"/>: forecast jobs go through the same states as planning jobs.</param>
/// <param name="Note">What a user should know about the job, e.g. that it was cancelled before it started.</param>
/// <param name="Result">Null until the job succeeds.</param>
public sealed record ForecastRecord(
    string Id,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    ForecastJobOptions Options,
    ForecastJobProgress? Progress,
    string? Error,
    string? Note,
    ForecastResult? Result);
