using Microsoft.Data.Sqlite;
using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories.Sqlite;

internal sealed class SqliteWindowRepository(SqliteDatabase database) : IWindowRepository
{
    private const string Columns = "id, tracked, focused, owner_device_id, updated_at, clock, device_id";

    private const string SelectAll = $"SELECT {Columns} FROM windows WHERE workspace_id = $ws ORDER BY id";

    private const string SelectOne = $"SELECT {Columns} FROM windows WHERE workspace_id = $ws AND id = $id";

    public Task<IReadOnlyList<WindowRow>> ListAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        return database.ReadAsync(workspaceId, static (session, ws) =>
        {
            using var reader = session.Statement(SelectAll).Bind("$ws", ws).ExecuteReader();
            var rows = new List<WindowRow>();
            while (reader.Read())
            {
                rows.Add(Map(reader));
            }

            return (IReadOnlyList<WindowRow>)rows;
        }, cancellationToken);
    }

    public Task<WindowRow?> GetAsync(string workspaceId, string windowId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentNullException.ThrowIfNull(windowId);
        return database.ReadAsync((workspaceId, windowId), static (session, key) =>
        {
            using var reader = session.Statement(SelectOne).Bind("$ws", key.workspaceId).Bind("$id", key.windowId).ExecuteReader();
            return reader.Read() ? Map(reader) : null;
        }, cancellationToken);
    }

    private static WindowRow Map(SqliteDataReader reader) => new(
        new Window(
            reader.GetString(0),
            reader.GetInt64(1) != 0,
            reader.GetInt64(2) != 0,
            reader.GetNullableString(3),
            reader.GetTimestamp(4)),
        reader.GetInt64(5),
        reader.GetString(6));
}
