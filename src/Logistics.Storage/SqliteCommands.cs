using Microsoft.Data.Sqlite;

namespace Logistics.Storage;

/// <summary>The small command helpers every SQLite store uses: a command in a transaction with its parameters
/// bound (null as SQL NULL), rebinding a prepared command for the next row, and running a statement.</summary>
public static class SqliteCommands
{
    /// <summary>A command on <paramref name="connection"/>, in <paramref name="transaction"/> when given (else in the
    /// connection's pending transaction, as <see cref="SqliteConnection.CreateCommand"/> does).</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null,
        params (string Name, object? Value)[] parameters)
    {
        // CreateCommand enlists the command in the connection's pending transaction, if any; keep that unless told otherwise.
        var command = connection.CreateCommand();
        if (transaction is not null) command.Transaction = transaction;
        command.CommandText = sql;
        command.Bind(parameters);
        return command;
    }

    /// <summary>Sets every parameter afresh, so one prepared command serves all rows of a list.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <returns>How many rows the statement changed.</returns>
    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, SqliteTransaction? transaction,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>The first column of the first row; null when there is none.</returns>
    public static async Task<object?> ScalarAsync(this SqliteConnection connection, string sql, SqliteTransaction? transaction,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
