using Logistics.Storage;

namespace Logistics.Data.Partitions;

/// <summary>The telemetry listener's partitions shared by instances (version 91, in the job claims' range): one row per
/// partition with the columns of a job row (<see cref="Jobs.JobRows"/> claims, renews and releases it like a job that never
/// ends), and one row per instance saying until when it was last seen, from which each instance works out its share.</summary>
internal static class PartitionSchema
{
    public static readonly IReadOnlyList<Migration> Steps =
    [
        new(91, "listener partitions leased by instances, and the instances seen", """
            CREATE TABLE listener_partitions (
                id TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                started_at INTEGER NULL,
                finished_at INTEGER NULL,
                progress TEXT NULL,
                error TEXT NULL,
                note TEXT NULL,
                result TEXT NULL,
                owner TEXT NULL,
                lease_until INTEGER NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                cancel_requested INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE listener_instances (
                instance TEXT PRIMARY KEY,
                seen_until INTEGER NOT NULL
            );
            """),
    ];
}
