using Logistics.Data.Schema;

namespace Logistics.Data.Forecasts;

/// <summary>Tables of order history and forecast jobs (versions 70–89). One history row per series and date
/// (rows of one date are summed on import); a job keeps its options, progress and result as JSON.</summary>
internal static class ForecastSchema
{
    public static readonly IReadOnlyList<Migration> Steps =
    [
        new(70, "order history: quantity per series (store) and date", """
            CREATE TABLE order_history (
                series TEXT NOT NULL,
                date TEXT NOT NULL,
                quantity REAL NOT NULL,
                PRIMARY KEY (series, date)
            );
            CREATE INDEX order_history_by_date ON order_history(date);
            """),
        new(71, "forecast jobs and their results", """
            CREATE TABLE forecasts (
                id TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                started_at INTEGER NULL,
                finished_at INTEGER NULL,
                options TEXT NOT NULL,
                progress TEXT NULL,
                error TEXT NULL,
                note TEXT NULL,
                result TEXT NULL
            );
            CREATE INDEX forecasts_by_status ON forecasts(status, created_at);
            """),
    ];
}
