namespace Logistics.Data.Jobs;

/// <summary>Claims on jobs shared by several instances (versions 90–99): each job row gets its owner, the lease's
/// end, how often it was started and a cancel request any instance can set; every claim and takeover goes to the
/// job's history.</summary>
internal static class JobSchema
{
    public static readonly IReadOnlyList<Migration> Steps =
    [
        new(90, "jobs claimed by one instance under a lease, with their history", """
            ALTER TABLE plans ADD COLUMN owner TEXT NULL;
            ALTER TABLE plans ADD COLUMN lease_until INTEGER NULL;
            ALTER TABLE plans ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE plans ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE forecasts ADD COLUMN owner TEXT NULL;
            ALTER TABLE forecasts ADD COLUMN lease_until INTEGER NULL;
            ALTER TABLE forecasts ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE forecasts ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE job_history (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                job_table TEXT NOT NULL,
                job_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                instance TEXT NOT NULL,
                event TEXT NOT NULL
            );
            CREATE INDEX job_history_by_job ON job_history(job_table, job_id, seq);
            """),
    ];
}
