using Logistics.Data.Forecasts;
using Logistics.Service.Jobs;

namespace Logistics.Service.Forecasts;

/// <summary>Forecast jobs waiting and running (<see cref="JobQueue{TProgress}"/>). Thread-safe.</summary>
public sealed class ForecastJobQueue : JobQueue<ForecastJobProgress>;
