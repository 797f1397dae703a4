using System.Data.Common;
using Logistics.Data.Schema;

namespace Logistics.Data;

/// <summary>The service's database, on SQLite (one file, the default) or PostgreSQL (shared by several instances):
/// opens connections and brings the schema up to date once, at start. Thread-safe: every caller opens its own
/// connection (both providers pool them).</summary>
public sealed class LogisticsDatabase(SqlDatabase database)
{
    /// <summary>The schema's area in a database that holds several (PostgreSQL: the alert store's is "alerts").</summary>
    public const string Area = "logistics";

    /// <summary>The SQLite file at <paramref name="path"/>.</summary>
    public LogisticsDatabase(string path) : this(SqlDatabase.Sqlite(path)) { }

    public SqlDatabase Sql { get; } = database;

    public SqlDialect Dialect => Sql.Dialect;

    /// <summary>The SQLite file, or PostgreSQL's host, port and database.</summary>
    public string Description => Sql.Description;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => Sql.OpenAsync(cancellationToken);

    /// <summary>Runs every <see cref="Migrations"/> step after the database's version (creating a SQLite file if
    /// needed). Refuses a database from a newer release.</summary>
    /// <returns>The steps that ran.</returns>
    public Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default) =>
        Sql.MigrateAsync(Area, Migrations.All, Description, cancellationToken);
}
