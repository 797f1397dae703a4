using Logistics.Data.Schema;

namespace Logistics.Data.Plans;

internal static class PlanSchema
{
    public static readonly IReadOnlyList<Migration> Steps =
    [
        new(30, "planning jobs and their plans, with the inputs each was made from", """
            CREATE TABLE plans (
                id TEXT PRIMARY KEY,
                date TEXT NOT NULL,
                status TEXT NOT NULL,
                based_on TEXT NULL REFERENCES plans(id),
                created_at INTEGER NOT NULL,
                started_at INTEGER NULL,
                finished_at INTEGER NULL,
                options TEXT NOT NULL,
                progress TEXT NULL,
                error TEXT NULL,
                note TEXT NULL,
                inputs TEXT NULL,
                plan TEXT NULL
            );
            CREATE INDEX plans_by_date ON plans(date, created_at);
            CREATE INDEX plans_by_status ON plans(status, created_at);
            """),
        new(31, "routes of plans published to trucks", """
            CREATE TABLE plan_publications (
                plan_id TEXT NOT NULL REFERENCES plans(id),
                route_id TEXT NOT NULL,
                truck_id TEXT NOT NULL,
                published_at INTEGER NOT NULL,
                route TEXT NOT NULL,
                PRIMARY KEY (plan_id, route_id, published_at)
            );
            CREATE INDEX plan_publications_by_truck ON plan_publications(truck_id, published_at);
            """),
    ];
}
