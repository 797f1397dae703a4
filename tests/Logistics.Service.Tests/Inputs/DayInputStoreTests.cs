using Logistics.Core;
using Logistics.Data;
using Logistics.Data.Inputs;
using Logistics.Routing.Planning;
using Logistics.Service.Planning;
using System.Data.Common;
using Logistics.Core.Csv;

namespace Logistics.Service.Tests.Inputs;

/// <summary>On both providers (<see cref="TestDatabase.Providers"/>).</summary>
// IAsyncLifetime: xunit 2 disposes a test class through it (it does not call IAsyncDisposable).
public sealed class DayInputStoreTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    private static readonly DateOnly Day = new(2026, 11, 23);
    private TestDatabase _database = null!;
    private DayInputStore _inputs = null!;
    private DayProblems _problems = null!;

    private async Task OpenAsync(string provider)
    {
        _database = await TestDatabase.CreateAsync(provider);
        var database = new LogisticsDatabase(_database.Database);
        await database.MigrateAsync();
        _inputs = new DayInputStore(database);
        _problems = new DayProblems(_inputs);
    }

    private static Store Store(string id) => new(id, $"store {id}", new Coordinates(22.8, 108.3), new Tier(2),
        [new TimeWindow(new TimeOnly(8, 0), new TimeOnly(11, 30, 15)), new TimeWindow(new TimeOnly(14, 0), new TimeOnly(17, 0))],
        TimeSpan.FromMinutes(4.5), TimeSpan.FromSeconds(5.25));

    private static Fleet Fleet() => new(
        [new Depot("DC1", "centre", new Coordinates(22.79, 108.3), new TimeWindow(new TimeOnly(7, 0), new TimeOnly(19, 0)))],
        [new VehicleType("van", 2, 300, null, new TimeWindow(new TimeOnly(8, 0), new TimeOnly(18, 0)), null, 150.10m, 1.2m, 35m, "DC1", "DC1")]);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task What_is_saved_comes_back_exactly_in_the_same_order(string provider)
    {
        await OpenAsync(provider);
        await _inputs.ReplaceStoresAsync([Store("B"), Store("A")]);
        await _inputs.ReplaceFleetAsync(Fleet());
        await _inputs.ReplaceOrdersAsync(Day, [new Order("O2", "A", 3, 0.75, Urgent: true), new Order("O1", "B", 4)]);

        var stores = await _inputs.GetStoresAsync();
        Assert.Equal(["B", "A"], stores.Select(s => s.Id));
        Assert.Equal(Store("A").ReceivingWindows, stores[1].ReceivingWindows);
        Assert.Equal((TimeSpan.FromMinutes(4.5), TimeSpan.FromSeconds(5.25)), (stores[1].ServiceFixed, stores[1].ServicePerCarton));
        var fleet = await _inputs.GetFleetAsync();
        Assert.Equal(Fleet().Depots, fleet.Depots);
        Assert.Equal(Fleet().VehicleTypes, fleet.VehicleTypes);
        Assert.Equal([new Order("O2", "A", 3, 0.75, Urgent: true), new Order("O1", "B", 4)], await _inputs.GetOrdersAsync(Day));
        Assert.Empty(await _inputs.GetOrdersAsync(Day.AddDays(1)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_replace_that_fails_half_way_leaves_the_previous_list(string provider)
    {
        await OpenAsync(provider);
        await _inputs.ReplaceStoresAsync([Store("A"), Store("B")]);
        // The database refuses the second "C" after "C" and "D" are written: the whole replace must roll back.
        await Assert.ThrowsAnyAsync<DbException>(() => _inputs.ReplaceStoresAsync([Store("C"), Store("D"), Store("C")]));
        Assert.Equal(["A", "B"], (await _inputs.GetStoresAsync()).Select(s => s.Id));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Loading_an_empty_database_names_stores_fleet_and_the_dates_orders(string provider)
    {
        await OpenAsync(provider);
        var e = await Assert.ThrowsAsync<InputValidationException>(() => _problems.LoadAsync(Day, null, CancellationToken.None));
        Assert.Equal(["stores", "fleet", "orders"], e.Errors.Select(x => x.Field));
        Assert.Equal("2026-11-23", e.Errors[2].Value);
        Assert.All(e.Errors, x => Assert.Equal(DayProblems.SavedInputs, x.File));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Orders_of_a_store_no_longer_saved_are_named_when_loading(string provider)
    {
        await OpenAsync(provider);
        await _inputs.ReplaceStoresAsync([Store("A"), Store("B")]);
        await _inputs.ReplaceFleetAsync(Fleet());
        await _inputs.ReplaceOrdersAsync(Day, [new Order("O1", "A", 3), new Order("O2", "B", 4)]);
        await _inputs.ReplaceStoresAsync([Store("A")]);

        var e = await Assert.ThrowsAsync<InputValidationException>(() => _problems.LoadAsync(Day, null, CancellationToken.None));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("storeId", "B"), (error.Field, error.Value));
        Assert.Contains("'O2'", error.Problem);

        await _inputs.ReplaceStoresAsync([Store("A"), Store("B")]);
        var soft = new SoftWindowPolicy(TimeSpan.FromMinutes(30), 60m);
        var problem = await _problems.LoadAsync(Day, soft, CancellationToken.None);
        Assert.Equal((2, 2, 1, 1), (problem.Stores.Count, problem.Orders.Count, problem.Fleet.Count, problem.Depots.Count));
        Assert.Equal(soft, problem.Options.SoftWindows);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
