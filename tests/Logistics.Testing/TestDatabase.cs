using Logistics.Storage;
using Npgsql;
using Xunit;

namespace Logistics.Testing;

/// <summary>A throw-away database for one test on either provider: a SQLite file in a temporary folder, or a database
/// of its own on the test profile's PostgreSQL server (created here, dropped on dispose), so tests never share rows.
/// The store tests take the provider as a theory's parameter from <see cref="Providers"/>.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _postgresName;

    private TestDatabase(SqlDatabase database, string? folder, string? postgresName)
    {
        Database = database;
        _folder = folder;
        _postgresName = postgresName;
    }

    /// <summary>Both providers: every store test runs on each.</summary>
    public static TheoryData<string> Providers => [SqlProvider.Sqlite, SqlProvider.Postgres];

    public SqlDatabase Database { get; }

    public string Provider => Database.Dialect.Name;

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? SqlitePath => _folder is null ? null : Database.Description;

    /// <param name="file">The SQLite file's name in its temporary folder.</param>
    public static async Task<TestDatabase> CreateAsync(string provider, string file = "logistics.db")
    {
        if (provider == SqlProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("store-test-").FullName;
            return new TestDatabase(SqlDatabase.Sqlite(Path.Combine(folder, file)), folder, null);
        }
        Assert.Equal(SqlProvider.Postgres, provider);
        var name = $"t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"CREATE DATABASE {name}", null, CancellationToken.None);
        }
        return new TestDatabase(SqlDatabase.Postgres(ConnectionString(name)), null, name);
    }

    /// <summary>A second handle on the same database, as another instance of the service would have: its own pool.</summary>
    public SqlDatabase SecondInstance() => _postgresName is null
        ? SqlDatabase.Sqlite(Database.Description)
        : SqlDatabase.Postgres(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = "second-instance" }.ToString());

    /// <summary>The first column of the first row of <paramref name="sql"/>, as a long.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        return Convert.ToInt64(await connection.ScalarAsync(sql, null, CancellationToken.None));
    }

    /// <summary>The test profile's PostgreSQL (test.sh starts it), with <paramref name="database"/> as the database.</summary>
    public static string ConnectionString(string database)
    {
        var connection = Environment.GetEnvironmentVariable("LOGISTICS_PG_CONNECTION") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "LOGISTICS_PG_CONNECTION is not set: the store tests run on PostgreSQL too. Run them through ./test.sh, or run " +
                "'scripts/infra.sh up --profile test postgres' and 'set -a; . .run/test/infra.env; set +a' first.");
        return new NpgsqlConnectionStringBuilder(connection) { Database = database }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        Database.ClearPool();
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { }
            return;
        }
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", null, CancellationToken.None);
    }
}
