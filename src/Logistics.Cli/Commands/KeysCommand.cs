using System.CommandLine;
using System.Globalization;
using Logistics.Data;
using Logistics.Data.Security;
using Logistics.Storage;

namespace Logistics.Cli.Commands;

/// <summary>`logistics keys create|list|revoke`: the service's API keys, written straight into its database (the
/// SQLite file, or PostgreSQL as <c>postgres:CONNECTION-STRING</c>), so that the first admin key exists before
/// anyone can call the API.</summary>
public static class KeysCommand
{
    /// <summary>The database could not be opened, or the name or role was refused.</summary>
    public const int ErrorExitCode = 2;

    public const string DatabaseVariable = "LOGISTICS_DATABASE";

    /// <summary>The service's default Database:Path, relative to the working directory like the service's.</summary>
    public const string DefaultDatabasePath = "data/logistics.db";

    /// <summary>Before a PostgreSQL connection string in --database (the service's Database:ConnectionString).</summary>
    public const string PostgresPrefix = "postgres:";

    public static Command Create()
    {
        var keys = new Command("keys", "Create, list and revoke the API keys of the service's database.");
        keys.Subcommands.Add(CreateCommand());
        keys.Subcommands.Add(ListCommand());
        keys.Subcommands.Add(RevokeCommand());
        return keys;
    }

    /// <summary>$LOGISTICS_DATABASE when set, else <see cref="DefaultDatabasePath"/>.</summary>
    public static string DefaultDatabase(Func<string, string?> environment) =>
        environment(DatabaseVariable) is { Length: > 0 } path ? path : DefaultDatabasePath;

    private static Command CreateCommand()
    {
        var name = new Option<string>("--name") { Description = "who or what uses the key (shown in audit records, e.g. who acknowledged an alert)", Required = true };
        var role = new Option<string>("--role") { Description = "dispatcher (inputs and plans), qa (telemetry, alerts, excursions) or admin (everything)", Required = true };
        role.AcceptOnlyFromAmong([.. Role.All]);
        var database = DatabaseOption();
        var command = new Command("create", "Create a key and print its token, once: only a hash of it is kept.") { name, role, database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            return await WithStoreAsync(parse.GetRequiredValue(database), "create", stderr, cancellationToken, async (store, path) =>
            {
                var created = await store.CreateAsync(parse.GetRequiredValue(name), parse.GetRequiredValue(role), cancellationToken);
                // The token alone on stdout, so that a script can capture it; the rest is for the person at the terminal.
                parse.InvocationConfiguration.Output.WriteLine(created.Token);
                stderr.WriteLine($"Created key '{created.Key.Name}' (role {created.Key.Role}, id {created.Key.Id}) in {path}.");
                stderr.WriteLine("Store the token now: it cannot be shown again. Send it as 'Authorization: Bearer <token>'.");
                return 0;
            });
        });
        return command;
    }

    private static Command ListCommand()
    {
        var database = DatabaseOption();
        var command = new Command("list", "List the keys (never their tokens), revoked ones included.") { database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            return await WithStoreAsync(parse.GetRequiredValue(database), "list", parse.InvocationConfiguration.Error, cancellationToken, async (store, path) =>
            {
                var keys = await store.ListAsync(cancellationToken);
                if (keys.Count == 0)
                {
                    stdout.WriteLine($"No keys in {path}: create one with 'logistics keys create --name NAME --role admin'.");
                    return 0;
                }
                var nameWidth = Math.Max(4, keys.Max(k => k.Name.Length));
                stdout.WriteLine($"{"id",-12}  {"name".PadRight(nameWidth)}  {"role",-10}  {"created (UTC)",-16}  revoked (UTC)");
                foreach (var k in keys)
                    stdout.WriteLine($"{k.Id,-12}  {k.Name.PadRight(nameWidth)}  {k.Role,-10}  {Time(k.CreatedAt),-16}  {(k.RevokedAt is { } r ? Time(r) : "-")}");
                return 0;
            });
        });
        return command;
    }

    private static Command RevokeCommand()
    {
        var name = new Option<string>("--name") { Description = "the key to revoke; requests with it are refused from now on", Required = true };
        var database = DatabaseOption();
        var command = new Command("revoke", "Revoke a key by name.") { name, database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            return await WithStoreAsync(parse.GetRequiredValue(database), "revoke", stderr, cancellationToken, async (store, path) =>
            {
                var keyName = parse.GetRequiredValue(name);
                if (await store.RevokeAsync(keyName, cancellationToken))
                {
                    parse.InvocationConfiguration.Output.WriteLine($"Revoked key '{keyName.Trim()}' in {path}.");
                    return 0;
                }
                stderr.WriteLine($"logistics keys revoke: --name: no active key named '{keyName}' in {path}; 'logistics keys list' shows them");
                return ErrorExitCode;
            });
        });
        return command;
    }

    private static Option<string> DatabaseOption() => new("--database")
    {
        Description = $"the service's SQLite file, or {PostgresPrefix}CONNECTION-STRING for PostgreSQL (the service's Database:ConnectionString); " +
                      $"default ${DatabaseVariable}, else {DefaultDatabasePath} (the service's Database:Path)",
        DefaultValueFactory = _ => DefaultDatabase(Environment.GetEnvironmentVariable),
    };

    /// <summary>Brings the database's schema up to date first (creating a SQLite file if needed), as the service would at start.</summary>
    private static async Task<int> WithStoreAsync(string setting, string verb, TextWriter stderr, CancellationToken cancellationToken,
        Func<ApiKeyStore, string, Task<int>> run)
    {
        // Errors name the file, or PostgreSQL's host and database: never the connection string with its password.
        var path = setting;
        try
        {
            var database = new LogisticsDatabase(setting.StartsWith(PostgresPrefix, StringComparison.Ordinal)
                ? SqlDatabase.Postgres(setting[PostgresPrefix.Length..])
                : SqlDatabase.Sqlite(setting));
            path = database.Description;
            await database.MigrateAsync(cancellationToken);
            return await run(new ApiKeyStore(database), database.Description);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"logistics keys {verb}: --{FirstLine(e.Message)}");
            return ErrorExitCode;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            stderr.WriteLine($"logistics keys {verb}: --database '{path}': {e.Message}");
            return ErrorExitCode;
        }
    }

    /// <summary>ArgumentException appends " (Parameter 'x')"; the message already names the field.</summary>
    private static string FirstLine(string message)
    {
        var at = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return at >= 0 ? message[..at] : message;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
