using Logistics.Data.Schema;
using Microsoft.Data.Sqlite;

namespace Logistics.Data;

/// <summary>The service's SQLite file: opens connections and brings the schema up to date once, at start.
/// Thread-safe: every caller opens its own connection (SQLite pools them).</summary>
public sealed class LogisticsDatabase
{
    private readonly string _connectionString;

    public LogisticsDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL: the API reads while a plan job or an import writes; busy_timeout instead of SQLITE_BUSY errors.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Creates the file if needed and runs every <see cref="Migrations"/> step after the file's
    /// version (<see cref="SqliteMigrator"/>). Refuses a file from a newer release.</summary>
    /// <returns>The steps that ran.</returns>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteMigrator.MigrateAsync(connection, Migrations.All, Path, cancellationToken);
    }
}
