using Logistics.Data;
using Logistics.Data.Schema;

namespace Logistics.Service.Tests.Data;

public sealed class LogisticsDatabaseTests
{
    [Fact]
    public async Task SQLite_connections_use_write_ahead_logging_so_readers_do_not_wait_for_a_plan_being_saved()
    {
        await using var test = await TestDatabase.CreateAsync(Logistics.Storage.SqlProvider.Sqlite);
        var database = new LogisticsDatabase(test.Database);
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.True(File.Exists(test.SqlitePath));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_step_runs_once_even_when_two_instances_migrate_together(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var first = new LogisticsDatabase(test.Database);
        var second = new LogisticsDatabase(test.SecondInstance());
        var ran = await Task.WhenAll(first.MigrateAsync(), second.MigrateAsync());
        Assert.Equal(Migrations.All.Select(m => m.Version), ran.SelectMany(r => r).Select(m => m.Version).Order());
        Assert.Equal(Migrations.Latest, await test.Database.VersionAsync(LogisticsDatabase.Area));
        Assert.Empty(await first.MigrateAsync());
        test.SecondInstance().ClearPool();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_database_of_a_newer_release_is_refused_naming_its_version(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = new LogisticsDatabase(test.Database);
        await database.MigrateAsync();
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = provider == Logistics.Storage.SqlProvider.Sqlite
                ? "PRAGMA user_version = 999"
                : "UPDATE schema_versions SET version = 999 WHERE area = 'logistics'";
            await command.ExecuteNonQueryAsync();
        }
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => database.MigrateAsync());
        Assert.Contains("999", e.Message);
        Assert.Contains(test.Database.Description, e.Message);
    }
}
