using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Logistics.Storage;

/// <summary>One database on one provider: opens connections and brings an area's schema up to date. Thread-safe:
/// every caller opens its own connection (both providers pool them).</summary>
public sealed class SqlDatabase
{
    private SqlDatabase(SqlDialect dialect, string connectionString, string description)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        Description = description;
    }

    public SqlDialect Dialect { get; }

    public string ConnectionString { get; }

    /// <summary>The database as an error or a log line should name it: the SQLite file, or PostgreSQL's host, port
    /// and database (never the password).</summary>
    public string Description { get; }

    /// <summary>The SQLite file at <paramref name="path"/> (relative to the working directory), created with its
    /// folder when missing.</summary>
    public static SqlDatabase Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        return new SqlDatabase(SqliteDialect.Instance, SqliteDialect.ConnectionString(full), full);
    }

    /// <exception cref="ArgumentException">The connection string is not one Npgsql takes (the message names the setting,
    /// never the string, which holds the password).</exception>
    public static SqlDatabase Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"Database:ConnectionString: not a PostgreSQL connection string ({e.Message})", e);
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new ArgumentException("Database:ConnectionString: names no Host");
        return new SqlDatabase(PostgresDialect.Instance, connectionString, $"postgres://{builder.Host}:{builder.Port}/{builder.Database}");
    }

    /// <summary>The file (SQLite) or the server's database (PostgreSQL) a provider's setting names.</summary>
    /// <exception cref="ArgumentException">An unknown provider, or a setting missing for it.</exception>
    public static SqlDatabase For(string provider, string? sqlitePath, string? postgresConnectionString) => provider switch
    {
        SqlProvider.Sqlite => Sqlite(string.IsNullOrWhiteSpace(sqlitePath) ? throw new ArgumentException("Database:Path: the SQLite file is needed") : sqlitePath),
        SqlProvider.Postgres => Postgres(string.IsNullOrWhiteSpace(postgresConnectionString)
            ? throw new ArgumentException("Database:ConnectionString: Database:Provider is postgres, so a PostgreSQL connection string is needed")
            : postgresConnectionString),
        _ => throw new ArgumentException($"Database:Provider: '{provider}' is not a provider; use one of {string.Join(", ", SqlProvider.All)}"),
    };

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        // A SQLite file's folder is made on first use (once: not on every call of a busy store).
        if (!_folderReady && Dialect is SqliteDialect)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Description)!);
            _folderReady = true;
        }
        return Dialect.OpenAsync(ConnectionString, cancellationToken);
    }

    private volatile bool _folderReady;

    /// <summary>Runs every step of <paramref name="steps"/> (in version order) after the area's version, each in
    /// its own transaction with the new version.</summary>
    /// <param name="area">The schema's name in a database that holds several (PostgreSQL: "logistics", "alerts").</param>
    /// <param name="what">The database as an error should name it (e.g. "the alert database /data/alerts.db").</param>
    /// <returns>The steps that ran here (none of those another instance ran meanwhile).</returns>
    /// <exception cref="InvalidOperationException">The database has a version newer than the last step: it was
    /// written by a newer release.</exception>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(string area, IReadOnlyList<Migration> steps, string what, CancellationToken cancellationToken)
    {
        var latest = steps.Count == 0 ? 0 : steps.Max(s => s.Version);
        var ran = new List<Migration>();
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var step in steps.OrderBy(m => m.Version))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var version = await Dialect.LockAndReadVersionAsync(connection, transaction, area, cancellationToken);
            if (version > latest)
                throw new InvalidOperationException(
                    $"{what} has schema version {version}, newer than this release knows ({latest}); use a newer release or another database");
            if (step.Version <= version) continue;
            await connection.ExecuteAsync(Dialect.Ddl(step.Sql), transaction, cancellationToken);
            await Dialect.WriteVersionAsync(connection, transaction, area, step.Version, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ran.Add(step);
        }
        return ran;
    }

    /// <summary>The area's schema version; 0 when none was applied.</summary>
    public async Task<int> VersionAsync(string area, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return await Dialect.LockAndReadVersionAsync(connection, transaction, area, cancellationToken);
    }

    /// <summary>Closes the pooled connections (SQLite: so the file can be moved or deleted).</summary>
    public void ClearPool()
    {
        if (Dialect is SqliteDialect)
        {
            using var connection = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
        else
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
