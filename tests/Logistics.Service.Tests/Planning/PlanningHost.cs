using Logistics.Data.Inputs;
using Logistics.Routing.Planning;
using Logistics.Simulators.Orders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Logistics.Service.Tests.Planning;

/// <summary>The service with a simulated day of 60 stores on <see cref="Day"/> saved as its day inputs,
/// through the same store the inputs API writes to (any other date has no orders).</summary>
public class PlanningHost : ServiceHost
{
    public static readonly DateOnly Day = new(2026, 11, 23);

    /// <summary>Saves the orders simulator's day of <paramref name="stores"/> stores as the inputs of <see cref="Day"/>.</summary>
    public static Task SaveDayAsync(DayInputStore inputs, int stores, int seed, int? trucks = null)
    {
        var day = OrdersSimulator.Generate(stores, seed, trucks);
        return inputs.ReplaceDayAsync(day.Stores, new Fleet([day.Depot], day.Fleet), Day, day.Orders);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddHostedService<SavedDay>());
    }

    /// <summary>Runs after the service's own start-up (the database is migrated by then).</summary>
    private sealed class SavedDay(DayInputStore inputs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => SaveDayAsync(inputs, stores: 60, seed: 7);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
