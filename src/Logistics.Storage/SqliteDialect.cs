using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Logistics.Storage;

/// <summary>SQLite: one file per database, its schema version in <c>PRAGMA user_version</c> (the file's header, so it
/// changes in the same transaction as the step it records; one area per file).</summary>
public sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect() { }

    public override string Name => SqlProvider.Sqlite;

    public override async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // WAL: readers run while a job or an import writes; busy_timeout instead of SQLITE_BUSY errors.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override string Ddl(string sql) => sql;

    public override async Task<int> LockAndReadVersionAsync(DbConnection connection, DbTransaction transaction, string area,
        CancellationToken cancellationToken) =>
        Convert.ToInt32(await connection.ScalarAsync("PRAGMA user_version;", transaction, cancellationToken), CultureInfo.InvariantCulture);

    public override Task WriteVersionAsync(DbConnection connection, DbTransaction transaction, string area, int version,
        CancellationToken cancellationToken) =>
        // PRAGMA takes no parameters; the version is an int from our own list.
        connection.ExecuteAsync($"PRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)};", transaction, cancellationToken);

    /// <summary>Microsoft.Data.Sqlite begins every transaction but a read-uncommitted one IMMEDIATE: the file's write lock at once.</summary>
    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, string subject, CancellationToken cancellationToken) =>
        BeginAsync(connection, IsolationLevel.Serializable, cancellationToken);

    public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    // SQLITE_CONSTRAINT
    public override string SkipLocked => "";

    public override bool IsUniqueViolation(Exception error) => error is SqliteException { SqliteErrorCode: 19 };

    public override bool IsProviderError(Exception error) => error is SqliteException;

    /// <summary>A connection string for the file at <paramref name="path"/>, created when missing.</summary>
    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
}
