using System.Globalization;
using Logistics.Core;
using Logistics.Routing.Planning;
using System.Data.Common;
using Logistics.Core.Csv;

namespace Logistics.Data.Inputs;

/// <summary>The dispatcher's inputs: one store list, one fleet, and orders per delivery date. Each
/// replace is one transaction, so an import that fails half-way leaves the previous list as it was.
/// Thread-safe: every call opens its own connection.</summary>
public sealed class DayInputStore(LogisticsDatabase database)
{
    public async Task<IReadOnlyList<Store>> GetStoresAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadStoresAsync(connection, cancellationToken);
    }

    /// <returns>How many stores were saved.</returns>
    public async Task<int> ReplaceStoresAsync(IReadOnlyList<Store> stores, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.Dialect.BeginWriteAsync(connection, "day-inputs", cancellationToken);
        await WriteStoresAsync(connection, transaction, stores, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stores.Count;
    }

    /// <summary>The saved fleet; no depots and no vehicle types when none was imported.</summary>
    public async Task<Fleet> GetFleetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadFleetAsync(connection, cancellationToken);
    }

    /// <returns>How many vehicle types were saved.</returns>
    public async Task<int> ReplaceFleetAsync(Fleet fleet, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.Dialect.BeginWriteAsync(connection, "day-inputs", cancellationToken);
        await WriteFleetAsync(connection, transaction, fleet, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return fleet.VehicleTypes.Count;
    }

    public async Task<IReadOnlyList<Order>> GetOrdersAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadOrdersAsync(connection, date, cancellationToken);
    }

    /// <summary>Replaces the orders of <paramref name="date"/> only; other dates keep theirs.</summary>
    /// <returns>How many orders were saved.</returns>
    public async Task<int> ReplaceOrdersAsync(DateOnly date, IReadOnlyList<Order> orders, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.Dialect.BeginWriteAsync(connection, "day-inputs", cancellationToken);
        await WriteOrdersAsync(connection, transaction, date, orders, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return orders.Count;
    }

    /// <summary>Stores, fleet and one date's orders in one transaction, so that the day is never half
    /// replaced (the orders would otherwise point at stores of the previous list).</summary>
    public async Task ReplaceDayAsync(IReadOnlyList<Store> stores, Fleet fleet, DateOnly date, IReadOnlyList<Order> orders,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.Dialect.BeginWriteAsync(connection, "day-inputs", cancellationToken);
        await WriteStoresAsync(connection, transaction, stores, cancellationToken);
        await WriteFleetAsync(connection, transaction, fleet, cancellationToken);
        await WriteOrdersAsync(connection, transaction, date, orders, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The stores, the fleet and <paramref name="date"/>'s orders as saved, read in one
    /// transaction so that a concurrent import cannot pair old stores with new orders. Empty lists where
    /// nothing is saved; whether the day can be planned is the planner's question.</summary>
    public async Task<SavedDay> GetDayAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.Dialect.BeginSnapshotAsync(connection, cancellationToken);
        var stores = await ReadStoresAsync(connection, cancellationToken);
        var fleet = await ReadFleetAsync(connection, cancellationToken);
        var orders = await ReadOrdersAsync(connection, date, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SavedDay(date, stores, fleet, orders);
    }

    private static async Task<IReadOnlyList<Store>> ReadStoresAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, lat, lon, tier, windows, service_fixed_ticks, service_per_carton_ticks FROM stores ORDER BY position";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stores = new List<Store>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stores.Add(new Store(reader.GetString(0), reader.GetString(1), new Coordinates(reader.GetDouble(2), reader.GetDouble(3)),
                new Tier(reader.GetInt32(4)), ParseWindows(reader.GetString(5)),
                TimeSpan.FromTicks(reader.GetInt64(6)), TimeSpan.FromTicks(reader.GetInt64(7))));
        }
        return stores;
    }

    private static async Task<Fleet> ReadFleetAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var depots = new List<Depot>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, name, lat, lon, open_ticks, close_ticks FROM depots ORDER BY position";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                depots.Add(new Depot(reader.GetString(0), reader.GetString(1), new Coordinates(reader.GetDouble(2), reader.GetDouble(3)),
                    new TimeWindow(new TimeOnly(reader.GetInt64(4)), new TimeOnly(reader.GetInt64(5)))));
            }
        }
        var types = new List<VehicleType>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, count, capacity_cartons, capacity_kg, shift_start_ticks, shift_end_ticks, max_route_ticks,
                       fixed_cost, cost_per_km, cost_per_hour, start_depot_id, end_depot_id
                FROM vehicle_types ORDER BY position
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                types.Add(new VehicleType(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    new TimeWindow(new TimeOnly(reader.GetInt64(4)), new TimeOnly(reader.GetInt64(5))),
                    reader.IsDBNull(6) ? null : TimeSpan.FromTicks(reader.GetInt64(6)),
                    Money(reader.GetString(7)), Money(reader.GetString(8)), Money(reader.GetString(9)),
                    reader.GetString(10), reader.GetString(11)));
            }
        }
        return new Fleet(depots, types);
    }

    private static async Task<IReadOnlyList<Order>> ReadOrdersAsync(DbConnection connection, DateOnly date, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT id, store_id, cartons, weight_kg, urgent FROM orders WHERE delivery_date = @date ORDER BY position",
            parameters: ("@date", Day(date)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = new List<Order>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(new Order(reader.GetString(0), reader.GetString(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetInt64(4) != 0));
        }
        return orders;
    }

    private static async Task WriteStoresAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Store> stores,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("DELETE FROM stores", transaction, cancellationToken);
        await connection.InsertManyAsync(transaction,
            "stores (id, position, name, lat, lon, tier, windows, service_fixed_ticks, service_per_carton_ticks)", 9,
            stores.Select((s, i) => new object?[]
            {
                s.Id, i, s.Name, s.Location.Latitude, s.Location.Longitude, s.Tier.Level, FormatWindows(s.ReceivingWindows), s.ServiceFixed.Ticks,
                s.ServicePerCarton.Ticks,
            }), cancellationToken);
    }

    private static async Task WriteFleetAsync(DbConnection connection, DbTransaction transaction, Fleet fleet,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("DELETE FROM vehicle_types; DELETE FROM depots;", transaction, cancellationToken);
        await connection.InsertManyAsync(transaction, "depots (id, position, name, lat, lon, open_ticks, close_ticks)", 7,
            fleet.Depots.Select((d, i) => new object?[]
            {
                d.Id, i, d.Name, d.Location.Latitude, d.Location.Longitude, d.OpeningHours.Start.Ticks, d.OpeningHours.End.Ticks,
            }), cancellationToken);
        await connection.InsertManyAsync(transaction, """
            vehicle_types (id, position, count, capacity_cartons, capacity_kg, shift_start_ticks, shift_end_ticks,
                max_route_ticks, fixed_cost, cost_per_km, cost_per_hour, start_depot_id, end_depot_id)
            """, 13,
            fleet.VehicleTypes.Select((v, i) => new object?[]
            {
                v.Id, i, v.Count, v.CapacityCartons, v.CapacityKg, v.Shift.Start.Ticks, v.Shift.End.Ticks, v.MaxRouteDuration?.Ticks,
                Money(v.FixedCost), Money(v.CostPerKm), Money(v.CostPerHour), v.StartDepotId, v.EndDepotId,
            }), cancellationToken);
    }

    private static async Task WriteOrdersAsync(DbConnection connection, DbTransaction transaction, DateOnly date,
        IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("DELETE FROM orders WHERE delivery_date = @date", transaction, cancellationToken, ("@date", Day(date)));
        await connection.InsertManyAsync(transaction, "orders (delivery_date, id, position, store_id, cartons, weight_kg, urgent)", 7,
            orders.Select((o, i) => new object?[] { Day(date), o.Id, i, o.StoreId, o.Cartons, o.WeightKg, o.Urgent ? 1 : 0 }), cancellationToken);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string FormatWindows(IEnumerable<TimeWindow> windows) =>
        string.Join(';', windows.Select(w => $"{w.Start.Ticks}-{w.End.Ticks}"));

    private static TimeWindow[] ParseWindows(string text) =>
        text.Split(';').Select(w => w.Split('-')).Select(ends =>
            new TimeWindow(new TimeOnly(long.Parse(ends[0], CultureInfo.InvariantCulture)), new TimeOnly(long.Parse(ends[1], CultureInfo.InvariantCulture))))
            .ToArray();
}
