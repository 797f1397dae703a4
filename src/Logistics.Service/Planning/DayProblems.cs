using System.Globalization;
using Logistics.Core.Csv;
using Logistics.Data.Inputs;
using Logistics.Data.Plans;
using Logistics.Routing.Planning;
using Logistics.Routing.TravelTimes;

namespace Logistics.Service.Planning;

/// <summary>Turns what the service keeps (the saved day inputs, a plan's own copy of them) into the
/// planner's problem and back. The one place that picks the service's travel-time model (great-circle)
/// and says, in the API's words, what is missing for a day to be planned. Thread-safe.</summary>
public sealed class DayProblems(DayInputStore inputs)
{
    /// <summary>The name <see cref="InputError.File"/> carries for errors about what is saved rather than an uploaded file.</summary>
    public const string SavedInputs = "saved inputs";

    /// <summary>The saved inputs of <paramref name="date"/> as a problem for the planner.</summary>
    /// <param name="softWindows">Null keeps receiving windows hard.</param>
    /// <exception cref="InputValidationException">No stores, no fleet, no orders for that date, or orders
    /// of stores that are no longer in the store list; every such problem at once.</exception>
    public async Task<DispatchProblem> LoadAsync(DateOnly date, SoftWindowPolicy? softWindows, CancellationToken cancellationToken)
    {
        var saved = await inputs.GetDayAsync(date, cancellationToken);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var errors = new List<InputError>();
        if (saved.Stores.Count == 0)
            errors.Add(new InputError(SavedInputs, 0, "stores", "", "no stores are saved: import them (PUT /api/stores) or create a demo day first"));
        if (saved.Fleet.VehicleTypes.Count == 0)
            errors.Add(new InputError(SavedInputs, 0, "fleet", "", "no fleet is saved: import it (PUT /api/fleet) or create a demo day first"));
        if (saved.Orders.Count == 0)
            errors.Add(new InputError(SavedInputs, 0, "orders", day, $"no orders are saved for {day}: import them (PUT /api/orders?date={day}) first"));
        if (saved.Stores.Count > 0)
        {
            var storeIds = saved.Stores.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (order, i) in saved.Orders.Select((o, i) => (o, i)).Where(x => !storeIds.Contains(x.o.StoreId)))
                errors.Add(new InputError(SavedInputs, i + 1, "storeId", order.StoreId,
                    $"order '{order.Id}' of {day} is for a store that is no longer in the store list: re-import the orders or the stores"));
        }
        if (errors.Count > 0) throw new InputValidationException(errors);
        return new DispatchProblem(saved.Fleet.Depots, saved.Stores, saved.Orders, saved.Fleet.VehicleTypes, TravelTimes(),
            new DispatchOptions(date) { SoftWindows = softWindows });
    }

    /// <summary>The problem a plan was made from, rebuilt from the copy kept with it.</summary>
    public static DispatchProblem FromPlanInputs(PlanInputs kept) =>
        new(kept.Depots, kept.Stores, kept.Orders, kept.Fleet, TravelTimes(), new DispatchOptions(kept.Date)
        {
            SoftWindows = kept.MaxLatenessMinutes is { } minutes ? new SoftWindowPolicy(TimeSpan.FromMinutes(minutes), kept.LatenessCostPerHour ?? 0) : null,
        });

    /// <summary>The copy of <paramref name="problem"/>'s inputs kept with its plan.</summary>
    public static PlanInputs ToPlanInputs(DispatchProblem problem) =>
        new(problem.Options.Date, problem.Depots, problem.Stores, problem.Orders, problem.Fleet,
            problem.Options.SoftWindows?.MaxLateness.TotalMinutes, problem.Options.SoftWindows?.LatenessCostPerHour);

    private static GreatCircleTravelTimes TravelTimes() => new();
}
