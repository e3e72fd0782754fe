using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories.Sqlite;

internal sealed class SqliteWorkspaceRepository(SqliteDatabase database) : IWorkspaceRepository
{
    internal const string Ensure =
        "INSERT INTO workspaces (id, created_at) VALUES ($id, $at) ON CONFLICT (id) DO NOTHING";

    private const string SelectOne = "SELECT id, created_at FROM workspaces WHERE id = $id";

    private const string SelectAll = "SELECT id, created_at FROM workspaces ORDER BY id";

    public Task<Workspace> EnsureAsync(string workspaceId, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        return database.WriteAsync((workspaceId, createdAt), static (session, state) =>
        {
            session.Statement(Ensure).Bind("$id", state.workspaceId).Bind("$at", state.createdAt).ExecuteNonQuery();
            return Find(session, state.workspaceId)!;
        }, cancellationToken);
    }

    public Task<Workspace?> GetAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        return database.ReadAsync(workspaceId, static (session, id) => Find(session, id), cancellationToken);
    }

    public Task<IReadOnlyList<Workspace>> ListAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(0, static (session, _) =>
        {
            using var reader = session.Statement(SelectAll).ExecuteReader();
            var workspaces = new List<Workspace>();
            while (reader.Read())
            {
                workspaces.Add(new Workspace(reader.GetString(0), reader.GetTimestamp(1)));
            }

            return (IReadOnlyList<Workspace>)workspaces;
        }, cancellationToken);

    private static Workspace? Find(SqliteSession session, string id)
    {
        using var reader = session.Statement(SelectOne).Bind("$id", id).ExecuteReader();
        return reader.Read() ? new Workspace(reader.GetString(0), reader.GetTimestamp(1)) : null;
    }
}
