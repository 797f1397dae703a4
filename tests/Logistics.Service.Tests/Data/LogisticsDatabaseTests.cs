using Logistics.Data;

namespace Logistics.Service.Tests.Data;

public sealed class LogisticsDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("logistics-db-").FullName;

    [Fact]
    public async Task Connections_use_write_ahead_logging_so_readers_do_not_wait_for_a_plan_being_saved()
    {
        var database = new LogisticsDatabase(Path.Combine(_folder, "logistics.db"));
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.True(File.Exists(database.Path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
