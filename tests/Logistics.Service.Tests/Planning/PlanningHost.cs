using Logistics.Data;
using Logistics.Data.Inputs;
using Logistics.Routing.Planning;
using Logistics.Simulators.Orders;

namespace Logistics.Service.Tests.Planning;

/// <summary>The service with a simulated day of 60 stores on <see cref="Day"/> saved as its day inputs,
/// through the same store the inputs API writes to (any other date has no orders). The day is saved
/// before the service starts, so no planning job can run ahead of it.</summary>
public class PlanningHost : ServiceHost
{
    public static readonly DateOnly Day = new(2026, 11, 23);

    public PlanningHost()
    {
        var database = new LogisticsDatabase(Path.Combine(DataFolder, "logistics.db"));
        database.MigrateAsync().GetAwaiter().GetResult();
        SaveDayAsync(new DayInputStore(database), stores: 60, seed: 7).GetAwaiter().GetResult();
    }

    /// <summary>Saves the orders simulator's day of <paramref name="stores"/> stores as the inputs of <see cref="Day"/>.</summary>
    public static Task SaveDayAsync(DayInputStore inputs, int stores, int seed, int? trucks = null)
    {
        var day = OrdersSimulator.Generate(stores, seed, trucks);
        return inputs.ReplaceDayAsync(day.Stores, new Fleet([day.Depot], day.Fleet), Day, day.Orders);
    }
}
