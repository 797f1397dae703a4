using Logistics.Data;
using Logistics.Data.Security;

namespace Logistics.Service.Tests.Security;

/// <summary>On both providers (<see cref="TestDatabase.Providers"/>).</summary>
// IAsyncLifetime: xunit 2 disposes a test class through it (it does not call IAsyncDisposable).
public sealed class ApiKeyStoreTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    private TestDatabase _test = null!;
    private ApiKeyStore _keys = null!;
    private LogisticsDatabase _database = null!;

    private async Task OpenAsync(string provider)
    {
        _test = await TestDatabase.CreateAsync(provider);
        _database = new LogisticsDatabase(_test.Database);
        await _database.MigrateAsync();
        _keys = new ApiKeyStore(_database);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_created_token_verifies_as_its_key_and_the_secret_is_not_stored(string provider)
    {
        await OpenAsync(provider);
        var created = await _keys.CreateAsync("li.na", Role.Qa);
        var key = await _keys.VerifyAsync(created.Token);
        Assert.NotNull(key);
        Assert.Equal(("li.na", Role.Qa), (key.Name, key.Role));
        var secret = created.Token[(created.Token.IndexOf('_', 3) + 1)..];
        string stored;
        if (_test.SqlitePath is { } path)
            // WAL: the row may still be in the -wal file rather than the database file.
            stored = string.Concat(new[] { path, path + "-wal" }.Where(File.Exists)
                .Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        else
        {
            // Every column of the row, the hash as hex and as Latin-1 text.
            await using var connection = await _database.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, name, role, secret_sha256 FROM api_keys";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var hash = (byte[])reader.GetValue(3);
            stored = $"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {Convert.ToHexString(hash)} {System.Text.Encoding.Latin1.GetString(hash)}";
        }
        Assert.Contains("li.na", stored);
        Assert.DoesNotContain(secret, stored);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Malformed_or_unknown_tokens_verify_as_nobody(string provider)
    {
        await OpenAsync(provider);
        foreach (var token in new[] { "", "lk_", "lk_000000000000_wrong", "Bearer nonsense" }) Assert.Null(await _keys.VerifyAsync(token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_wrong_secret_for_a_real_id_and_a_revoked_key_are_refused(string provider)
    {
        await OpenAsync(provider);
        var created = await _keys.CreateAsync("wang", Role.Dispatcher);
        Assert.Null(await _keys.VerifyAsync(created.Token[..^2] + "xx"));
        Assert.True(await _keys.RevokeAsync("wang"));
        Assert.Null(await _keys.VerifyAsync(created.Token));
        Assert.False(await _keys.RevokeAsync("wang"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unknown_roles_and_taken_names_are_refused_naming_the_field(string provider)
    {
        await OpenAsync(provider);
        var role = await Assert.ThrowsAsync<ArgumentException>(() => _keys.CreateAsync("x", "driver"));
        Assert.Contains("role: 'driver'", role.Message);
        await _keys.CreateAsync("zhao", Role.Admin);
        var name = await Assert.ThrowsAsync<ArgumentException>(() => _keys.CreateAsync("zhao", Role.Qa));
        Assert.Contains("name: a key named 'zhao'", name.Message);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrating_again_runs_nothing(string provider)
    {
        await OpenAsync(provider);
        Assert.Empty(await _database.MigrateAsync());
    }

    public async Task DisposeAsync()
    {
        if (_test is not null) await _test.DisposeAsync();
    }
}
