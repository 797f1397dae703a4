using System.Data.Common;

namespace Logistics.Storage;

/// <summary>The small command helpers every store uses, on either provider: a command in a transaction with its
/// parameters bound (null as SQL NULL), rebinding a prepared command for the next row, and running a statement.
/// Parameters are named <c>@name</c> in the SQL and here, which both SQLite and PostgreSQL (Npgsql) take.</summary>
public static class DbCommands
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null,
        params (string Name, object? Value)[] parameters)
    {
        // SQLite's CreateCommand enlists the command in the connection's pending transaction, if any; keep that unless told otherwise.
        var command = connection.CreateCommand();
        if (transaction is not null) command.Transaction = transaction;
        command.CommandText = sql;
        command.Bind(parameters);
        return command;
    }

    /// <summary>Sets every parameter afresh, so one prepared command serves all rows of a list.</summary>
    public static DbCommand Bind(this DbCommand command, params (string Name, object? Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <returns>How many rows the statement changed.</returns>
    public static async Task<int> ExecuteAsync(this DbConnection connection, string sql, DbTransaction? transaction,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>The first column of the first row; null when there is none.</returns>
    public static async Task<object?> ScalarAsync(this DbConnection connection, string sql, DbTransaction? transaction,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Inserts <paramref name="rows"/> with multi-row <c>INSERT … VALUES (…), (…)</c> statements of up to
    /// <paramref name="rowsPerStatement"/> rows: one round trip per statement instead of per row, which is what a
    /// PostgreSQL server across a network needs (and SQLite does not mind).</summary>
    /// <param name="into">"table (column, …)", a constant of the store's (never user input).</param>
    /// <param name="suffix">Appended to each statement, e.g. "ON CONFLICT (a, b) DO UPDATE SET c = excluded.c".</param>
    /// <returns>How many rows the statements changed.</returns>
    public static async Task<int> InsertManyAsync(this DbConnection connection, DbTransaction? transaction, string into, int columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken, string suffix = "", int rowsPerStatement = 500)
    {
        var changed = 0;
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            var sql = new System.Text.StringBuilder("INSERT INTO ").Append(into).Append(" VALUES ");
            var parameters = new (string Name, object? Value)[chunk.Length * columns];
            for (var r = 0; r < chunk.Length; r++)
            {
                if (chunk[r].Length != columns) throw new ArgumentException($"row {r} has {chunk[r].Length} values for {columns} columns", nameof(rows));
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                    parameters[r * columns + c] = (name, chunk[r][c]);
                }
                sql.Append(')');
            }
            if (suffix.Length > 0) sql.Append(' ').Append(suffix);
            changed += await connection.ExecuteAsync(sql.ToString(), transaction, cancellationToken, parameters);
        }
        return changed;
    }
}
