using Logistics.Data.Inputs;
using Logistics.Routing.Planning;
using Logistics.Service.Planning;

namespace Logistics.Service.Inputs;

/// <summary>Plans are made from the inputs imported through the API (the service's SQLite file).</summary>
public sealed class SavedDayProblemSource(DayInputStore inputs) : IDayProblemSource
{
    public Task<DispatchProblem> LoadProblemAsync(DateOnly date, SoftWindowPolicy? softWindows, CancellationToken cancellationToken) =>
        inputs.LoadProblemAsync(date, softWindows, cancellationToken);
}
