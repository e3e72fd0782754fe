using Microsoft.Data.Sqlite;
using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories.Sqlite;

internal sealed class SqliteSyncStateRepository(SqliteDatabase database) : ISyncStateRepository
{
    private const string SelectAll =
        "SELECT device_id, last_clock, last_sync FROM sync_state WHERE workspace_id = $ws ORDER BY device_id";

    private const string SelectOne =
        "SELECT device_id, last_clock, last_sync FROM sync_state WHERE workspace_id = $ws AND device_id = $device";

    public Task<IReadOnlyList<DeviceSyncState>> ListAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        return database.ReadAsync(workspaceId, static (session, ws) =>
        {
            using var reader = session.Statement(SelectAll).Bind("$ws", ws).ExecuteReader();
            var rows = new List<DeviceSyncState>();
            while (reader.Read())
            {
                rows.Add(Map(reader));
            }

            return (IReadOnlyList<DeviceSyncState>)rows;
        }, cancellationToken);
    }

    public Task<DeviceSyncState?> GetAsync(string workspaceId, string deviceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentNullException.ThrowIfNull(deviceId);
        return database.ReadAsync((workspaceId, deviceId), static (session, key) =>
        {
            using var reader = session.Statement(SelectOne).Bind("$ws", key.workspaceId).Bind("$device", key.deviceId).ExecuteReader();
            return reader.Read() ? Map(reader) : null;
        }, cancellationToken);
    }

    private static DeviceSyncState Map(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), reader.GetTimestamp(2));
}
