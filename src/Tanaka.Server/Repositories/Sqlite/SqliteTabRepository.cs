using Microsoft.Data.Sqlite;
using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories.Sqlite;

internal sealed class SqliteTabRepository(SqliteDatabase database) : ITabRepository
{
    private const string Columns =
        "id, window_id, url, title, fav_icon_url, tab_index, active, pinned, updated_at, clock, device_id";

    private const string SelectAll =
        $"SELECT {Columns} FROM tabs WHERE workspace_id = $ws ORDER BY window_id, tab_index, id";

    private const string SelectOne = $"SELECT {Columns} FROM tabs WHERE workspace_id = $ws AND id = $id";

    public Task<IReadOnlyList<TabRow>> ListAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        return database.ReadAsync(workspaceId, static (session, ws) =>
        {
            using var reader = session.Statement(SelectAll).Bind("$ws", ws).ExecuteReader();
            var rows = new List<TabRow>();
            while (reader.Read())
            {
                rows.Add(Map(reader));
            }

            return (IReadOnlyList<TabRow>)rows;
        }, cancellationToken);
    }

    public Task<TabRow?> GetAsync(string workspaceId, string tabId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentNullException.ThrowIfNull(tabId);
        return database.ReadAsync((workspaceId, tabId), static (session, key) =>
        {
            using var reader = session.Statement(SelectOne).Bind("$ws", key.workspaceId).Bind("$id", key.tabId).ExecuteReader();
            return reader.Read() ? Map(reader) : null;
        }, cancellationToken);
    }

    private static TabRow Map(SqliteDataReader reader) => new(
        new Tab(
            reader.GetString(0),
            reader.GetNullableString(1),
            reader.GetNullableString(2),
            reader.GetNullableString(3),
            reader.GetNullableString(4),
            reader.GetNullableInt64(5),
            reader.GetInt64(6) != 0,
            reader.GetInt64(7) != 0,
            reader.GetTimestamp(8)),
        reader.GetInt64(9),
        reader.GetString(10));
}
