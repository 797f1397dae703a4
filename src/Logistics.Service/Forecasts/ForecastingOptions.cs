using System.ComponentModel.DataAnnotations;

namespace Logistics.Service.Forecasts;

/// <summary>Forecast jobs (section "Forecasting").</summary>
public sealed class ForecastingOptions
{
    public const string Section = "Forecasting";

    /// <summary>Forecasts that run at the same time. One by default: a run keeps a core busy, and the service
    /// shares its cores with the listener and planning.</summary>
    [Range(1, 8)]
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>Threads one forecast may use (backtest origins and methods side by side; the forecast does not depend
    /// on it). One by default, for the same reason; the CLI uses every core.</summary>
    [Range(1, 64)]
    public int ThreadsPerJob { get; set; } = 1;
}
