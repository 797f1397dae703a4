using Logistics.Data.Schema;

namespace Logistics.Data.Inputs;

/// <summary>Tables of the day inputs (versions 10–29). Times are stored as ticks and money as invariant
/// text so that what a dispatcher imported comes back exactly; <c>position</c> keeps the imported order.</summary>
internal static class DayInputSchema
{
    public static readonly IReadOnlyList<Migration> Steps =
    [
        new(10, "Day inputs: stores, depots, vehicle types and orders per delivery date", """
            CREATE TABLE stores (
                id TEXT PRIMARY KEY,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                lat REAL NOT NULL,
                lon REAL NOT NULL,
                tier INTEGER NOT NULL,
                windows TEXT NOT NULL,
                service_fixed_ticks INTEGER NOT NULL,
                service_per_carton_ticks INTEGER NOT NULL
            );
            CREATE TABLE depots (
                id TEXT PRIMARY KEY,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                lat REAL NOT NULL,
                lon REAL NOT NULL,
                open_ticks INTEGER NOT NULL,
                close_ticks INTEGER NOT NULL
            );
            CREATE TABLE vehicle_types (
                id TEXT PRIMARY KEY,
                position INTEGER NOT NULL,
                count INTEGER NOT NULL,
                capacity_cartons INTEGER NOT NULL,
                capacity_kg REAL NULL,
                shift_start_ticks INTEGER NOT NULL,
                shift_end_ticks INTEGER NOT NULL,
                max_route_ticks INTEGER NULL,
                fixed_cost TEXT NOT NULL,
                cost_per_km TEXT NOT NULL,
                cost_per_hour TEXT NOT NULL,
                start_depot_id TEXT NOT NULL,
                end_depot_id TEXT NOT NULL
            );
            CREATE TABLE orders (
                delivery_date TEXT NOT NULL,
                id TEXT NOT NULL,
                position INTEGER NOT NULL,
                store_id TEXT NOT NULL,
                cartons INTEGER NOT NULL,
                weight_kg REAL NULL,
                urgent INTEGER NOT NULL,
                PRIMARY KEY (delivery_date, id)
            );
            """),
    ];
}
