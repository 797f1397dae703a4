using Logistics.Data;
using Logistics.Data.Security;

namespace Logistics.Service.Tests.Security;

public sealed class ApiKeyStoreTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("logistics-keys-").FullName;
    private ApiKeyStore _keys = null!;
    private LogisticsDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new LogisticsDatabase(Path.Combine(_folder, "logistics.db"));
        await _database.MigrateAsync();
        _keys = new ApiKeyStore(_database);
    }

    [Fact]
    public async Task A_created_token_verifies_as_its_key_and_the_secret_is_not_stored()
    {
        var created = await _keys.CreateAsync("li.na", Role.Qa);
        var key = await _keys.VerifyAsync(created.Token);
        Assert.NotNull(key);
        Assert.Equal(("li.na", Role.Qa), (key.Name, key.Role));
        var secret = created.Token[(created.Token.IndexOf('_', 3) + 1)..];
        // WAL: the row may still be in the -wal file rather than the database file.
        var stored = string.Concat(new[] { _database.Path, _database.Path + "-wal" }.Where(File.Exists)
            .Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.Contains("li.na", stored);
        Assert.DoesNotContain(secret, stored);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lk_")]
    [InlineData("lk_000000000000_wrong")]
    [InlineData("Bearer nonsense")]
    public async Task Malformed_or_unknown_tokens_verify_as_nobody(string token) => Assert.Null(await _keys.VerifyAsync(token));

    [Fact]
    public async Task A_wrong_secret_for_a_real_id_and_a_revoked_key_are_refused()
    {
        var created = await _keys.CreateAsync("wang", Role.Dispatcher);
        Assert.Null(await _keys.VerifyAsync(created.Token[..^2] + "xx"));
        Assert.True(await _keys.RevokeAsync("wang"));
        Assert.Null(await _keys.VerifyAsync(created.Token));
        Assert.False(await _keys.RevokeAsync("wang"));
    }

    [Fact]
    public async Task Unknown_roles_and_taken_names_are_refused_naming_the_field()
    {
        var role = await Assert.ThrowsAsync<ArgumentException>(() => _keys.CreateAsync("x", "driver"));
        Assert.Contains("role: 'driver'", role.Message);
        await _keys.CreateAsync("zhao", Role.Admin);
        var name = await Assert.ThrowsAsync<ArgumentException>(() => _keys.CreateAsync("zhao", Role.Qa));
        Assert.Contains("name: a key named 'zhao'", name.Message);
    }

    [Fact]
    public async Task Migrating_again_runs_nothing()
    {
        Assert.Empty(await _database.MigrateAsync());
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
