using System.Data;
using System.Data.Common;

namespace Logistics.Storage;

/// <summary>What differs between SQLite and PostgreSQL, and nothing else: the stores write one SQL text for both
/// (named parameters as <c>@name</c>, upserts as <c>INSERT … ON CONFLICT</c>), and ask the dialect for opening a
/// connection, column types in migrations, the schema version, locks and error codes.</summary>
public abstract class SqlDialect
{
    /// <summary>One of <see cref="SqlProvider"/>.</summary>
    public abstract string Name { get; }

    /// <summary>An open connection, with the provider's per-connection settings made.</summary>
    public abstract Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>A migration's SQL (written in SQLite's words) as this provider takes it.</summary>
    public abstract string Ddl(string sql);

    /// <summary>The schema version of <paramref name="area"/> (0 when none was applied), read in
    /// <paramref name="transaction"/>; on PostgreSQL it also waits for any other instance migrating the same area.</summary>
    public abstract Task<int> LockAndReadVersionAsync(DbConnection connection, DbTransaction transaction, string area, CancellationToken cancellationToken);

    /// <summary>Records <paramref name="version"/> for <paramref name="area"/> in the transaction of the step it follows.</summary>
    public abstract Task WriteVersionAsync(DbConnection connection, DbTransaction transaction, string area, int version, CancellationToken cancellationToken);

    /// <summary>A write transaction that no other writer of the same <paramref name="subject"/> runs beside:
    /// SQLite's writers take the file's lock at BEGIN IMMEDIATE; PostgreSQL's take a transaction-scoped advisory
    /// lock on the subject, so two replaces of one list (delete, then insert) run one after the other.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, string subject, CancellationToken cancellationToken);

    /// <summary>A read-only transaction whose reads all see one snapshot.</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Appended to a SELECT of rows a transaction is about to claim: PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>
    /// (claimers in other instances pass over the rows locked by this one instead of waiting for them); nothing on SQLite,
    /// whose write transactions run one at a time anyway.</summary>
    public abstract string SkipLocked { get; }

    /// <summary>Whether <paramref name="error"/> is a UNIQUE or PRIMARY KEY violation.</summary>
    public abstract bool IsUniqueViolation(Exception error);

    /// <summary>Whether <paramref name="error"/> came from the provider (as opposed to a bug of ours).</summary>
    public abstract bool IsProviderError(Exception error);

    private protected static async Task<DbTransaction> BeginAsync(DbConnection connection, IsolationLevel level, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(level, cancellationToken);
}
