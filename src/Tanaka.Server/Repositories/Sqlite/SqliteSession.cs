using Microsoft.Data.Sqlite;

namespace Tanaka.Server.Repositories.Sqlite;

/// <summary>
/// One open connection with its prepared statements. Statements are compiled once per
/// connection and reused, so a hot path pays only for binding and stepping.
/// Not thread-safe: <see cref="SqliteDatabase"/> hands a session to one caller at a time.
/// </summary>
internal sealed class SqliteSession(SqliteConnection connection, bool isWriter) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    public SqliteConnection Connection { get; } = connection;

    public bool IsWriter { get; } = isWriter;

    /// <summary>The prepared command for <paramref name="sql"/>, enlisted in the open transaction if any.</summary>
    public SqliteCommand Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
            _statements.Add(sql, command);
        }

        command.Transaction = _transaction;
        return command;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when
    /// it throws. Writers take the write lock up front (BEGIN IMMEDIATE); readers get one
    /// consistent view across all their statements.
    /// </summary>
    public T InTransaction<T>(Func<SqliteSession, T> work)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open on this session.");
        }

        using var transaction = Connection.BeginTransaction(deferred: !IsWriter);
        _transaction = transaction;
        try
        {
            var result = work(this);
            transaction.Commit();
            return result;
        }
        finally
        {
            _transaction = null;
        }
    }

    /// <summary>Runs a one-off script (several statements allowed) without caching it, in the open transaction if any.</summary>
    public void ExecuteScript(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        Connection.Dispose();
    }
}
