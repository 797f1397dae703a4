using Logistics.Routing.Planning;
using Logistics.Service.Planning;
using Logistics.Simulators.Orders;
using Logistics.Core.Csv;

namespace Logistics.Service.Tests.Planning;

/// <summary>The day inputs as files written by the orders simulator and read by PlanRunner.Load, the way
/// `logistics plan` reads them: real data and the real reader, for one date only (any other date has no
/// orders, as with the day input store).</summary>
public sealed class FileDayProblemSource : IDayProblemSource
{
    private readonly string _folder;

    public FileDayProblemSource(string folder, DateOnly date, int stores, int seed, int? trucks = null)
    {
        _folder = folder;
        Date = date;
        DayFiles.Write(OrdersSimulator.Generate(stores, seed, trucks), folder);
    }

    public DateOnly Date { get; }

    public Task<DispatchProblem> LoadProblemAsync(DateOnly date, SoftWindowPolicy? softWindows, CancellationToken cancellationToken)
    {
        if (date != Date)
            throw new InputValidationException([new InputError(DayFiles.Orders, 0, "date", date.ToString("yyyy-MM-dd"), "there are no orders for this date")]);
        return Task.FromResult(PlanRunner.Load(Path.Combine(_folder, DayFiles.Stores), Path.Combine(_folder, DayFiles.Orders),
            Path.Combine(_folder, DayFiles.Fleet), date, softWindows: softWindows));
    }
}
