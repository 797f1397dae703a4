using Logistics.Cli.Commands;
using Logistics.Cli.Tests.Vrp;
using Logistics.Data;
using Logistics.Data.Security;

namespace Logistics.Cli.Tests.Keys;

public sealed class KeysCommandTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    private string Database => _folder.File("data/logistics.db");

    [Fact]
    public async Task A_created_token_is_printed_once_verifies_until_revoked_and_never_appears_in_the_list()
    {
        var create = CliRun.Of("keys", "create", "--name", "li.na", "--role", "qa", "--database", Database);
        Assert.Equal(0, create.ExitCode);
        var token = create.Stdout.Trim();
        Assert.StartsWith("lk_", token);
        Assert.Contains("cannot be shown again", create.Stderr);

        var store = new ApiKeyStore(new LogisticsDatabase(Database));
        var key = await store.VerifyAsync(token);
        Assert.Equal(("li.na", Role.Qa), (key?.Name, key?.Role));

        var list = CliRun.Of("keys", "list", "--database", Database);
        Assert.Equal(0, list.ExitCode);
        var row = Assert.Single(list.Stdout.Split('\n'), l => l.Contains("li.na"));
        Assert.Contains(" qa ", row);
        Assert.EndsWith("-", row.TrimEnd());
        Assert.DoesNotContain(token[(token.IndexOf('_', 3) + 1)..], list.Stdout);

        var revoke = CliRun.Of("keys", "revoke", "--name", "li.na", "--database", Database);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Null(await store.VerifyAsync(token));
        var revokedRow = Assert.Single(CliRun.Of("keys", "list", "--database", Database).Stdout.Split('\n'), l => l.Contains("li.na"));
        Assert.False(revokedRow.TrimEnd().EndsWith('-'), revokedRow);
    }

    [Fact]
    public async Task On_PostgreSQL_a_key_is_created_in_the_shared_database_and_messages_never_show_the_password()
    {
        await using var test = await TestDatabase.CreateAsync(Logistics.Storage.SqlProvider.Postgres);
        var setting = KeysCommand.PostgresPrefix + test.Database.ConnectionString;
        var create = CliRun.Of("keys", "create", "--name", "ops", "--role", "admin", "--database", setting);
        Assert.Equal(0, create.ExitCode);
        var key = await new ApiKeyStore(new LogisticsDatabase(test.Database)).VerifyAsync(create.Stdout.Trim());
        Assert.Equal(("ops", Role.Admin), (key?.Name, key?.Role));
        Assert.Contains(test.Database.Description, create.Stderr);

        var again = CliRun.Of("keys", "create", "--name", "ops", "--role", "qa", "--database", setting);
        Assert.Equal(KeysCommand.ErrorExitCode, again.ExitCode);
        Assert.Contains("--name: a key named 'ops' exists already", again.Stderr);
        var password = new Npgsql.NpgsqlConnectionStringBuilder(test.Database.ConnectionString).Password!;
        Assert.DoesNotContain(password, create.Stderr + again.Stderr);
    }

    [Fact]
    public void An_unknown_role_is_a_usage_error_listing_the_roles()
    {
        var run = CliRun.Of("keys", "create", "--name", "x", "--role", "driver", "--database", Database);
        Assert.Equal(CliApp.UsageExitCode, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("'driver'", run.Stderr);
        Assert.Contains("dispatcher", run.Stderr);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public void A_name_in_use_and_revoking_an_unknown_name_are_refused_naming_the_name()
    {
        Assert.Equal(0, CliRun.Of("keys", "create", "--name", "zhao", "--role", "admin", "--database", Database).ExitCode);
        var again = CliRun.Of("keys", "create", "--name", "zhao", "--role", "dispatcher", "--database", Database);
        Assert.Equal(KeysCommand.ErrorExitCode, again.ExitCode);
        Assert.Equal("", again.Stdout);
        Assert.Contains("--name: a key named 'zhao' exists already", again.Stderr);

        var revoke = CliRun.Of("keys", "revoke", "--name", "nobody", "--database", Database);
        Assert.Equal(KeysCommand.ErrorExitCode, revoke.ExitCode);
        Assert.Contains("no active key named 'nobody'", revoke.Stderr);
    }

    [Fact]
    public void Listing_a_new_database_creates_its_schema_and_says_there_are_no_keys()
    {
        var run = CliRun.Of("keys", "list", "--database", Database);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No keys", run.Stdout);
        Assert.True(File.Exists(Database));
    }

    [Fact]
    public void A_database_that_cannot_be_opened_is_named()
    {
        File.WriteAllText(_folder.File("not-sqlite.db"), "this is not a database file, it only has text in it, quite a lot of it really");
        var run = CliRun.Of("keys", "list", "--database", _folder.File("not-sqlite.db"));
        Assert.Equal(KeysCommand.ErrorExitCode, run.ExitCode);
        Assert.Contains("--database", run.Stderr);
        Assert.Contains("not-sqlite.db", run.Stderr);
    }

    [Theory]
    [InlineData(null, KeysCommand.DefaultDatabasePath)]
    [InlineData("", KeysCommand.DefaultDatabasePath)]
    [InlineData("/srv/logistics/keys.db", "/srv/logistics/keys.db")]
    public void The_default_database_is_the_environments_or_the_services_default(string? variable, string expected) =>
        Assert.Equal(expected, KeysCommand.DefaultDatabase(name => name == KeysCommand.DatabaseVariable ? variable : null));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
