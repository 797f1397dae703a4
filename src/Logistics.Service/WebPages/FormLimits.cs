using Logistics.Service.Api;
using Logistics.Service.Forecasts;
using Logistics.Service.Inputs;
using Logistics.Service.Planning;
using Logistics.Service.Telemetry;

namespace Logistics.Service.WebPages;

/// <summary>The limits the API enforces on what the pages' forms send, taken from the constants the API checks
/// against, so a form never allows what the API refuses (or refuses what it allows).</summary>
public sealed record FormLimits(
    int MaxDemoStores,
    int MaxDemoTrucks,
    int MinTimeLimitSeconds,
    int MaxTimeLimitSeconds,
    int MaxCommentLength,
    string FirstDay,
    string LastDay,
    IReadOnlyList<string> Engines,
    string DefaultEngine,
    int MaxForecastHorizon,
    int MaxForecastOrigins)
{
    public static FormLimits Current { get; } = new(InputsApi.MaxDemoStores, InputsApi.MaxDemoTrucks, 1, PlansApi.MaxTimeLimitSeconds,
        AcknowledgeRequest.MaxCommentLength, DateLimits.Day(DateLimits.FirstDay), DateLimits.Day(DateLimits.LastDay),
        Routing.Engines.RoutingEngines.Names, Routing.Engines.RoutingEngines.Default,
        ForecastRequest.MaxHorizon, ForecastRequest.MaxOrigins);
}
