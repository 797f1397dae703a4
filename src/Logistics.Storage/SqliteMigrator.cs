using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Logistics.Storage;

/// <summary>Brings a SQLite file's schema up to date: the file's version is <c>PRAGMA user_version</c> (kept in
/// the file's header, so it changes in the same transaction as the step it records), and every step after it runs
/// in its own transaction, in order.</summary>
public static class SqliteMigrator
{
    /// <summary>The file's schema version; 0 for a new file.</summary>
    public static async Task<int> VersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("PRAGMA user_version;", transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs every step of <paramref name="steps"/> (in version order) after the file's version.</summary>
    /// <param name="what">The file, as an error should name it (e.g. "the alert database /data/alerts.db").</param>
    /// <returns>The steps that ran.</returns>
    /// <exception cref="InvalidOperationException">The file has a version newer than the last step: it was written
    /// by a newer release.</exception>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(SqliteConnection connection, IReadOnlyList<Migration> steps, string what,
        CancellationToken cancellationToken)
    {
        var latest = steps.Count == 0 ? 0 : steps.Max(s => s.Version);
        var version = await VersionAsync(connection, null, cancellationToken);
        if (version > latest)
            throw new InvalidOperationException(
                $"{what} has schema version {version}, newer than this release knows ({latest}); use a newer release or another file");
        var ran = new List<Migration>();
        foreach (var step in steps.Where(m => m.Version > version).OrderBy(m => m.Version))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            // PRAGMA takes no parameters; the version is an int from our own list.
            await connection.ExecuteAsync(step.Sql + $"\nPRAGMA user_version = {step.Version.ToString(CultureInfo.InvariantCulture)};",
                transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ran.Add(step);
        }
        return ran;
    }
}
