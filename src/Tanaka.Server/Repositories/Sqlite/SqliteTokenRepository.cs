using Microsoft.Data.Sqlite;
using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories.Sqlite;

internal sealed class SqliteTokenRepository(SqliteDatabase database) : ITokenRepository
{
    private const string Columns = "id, name, workspace_id, token_hash, created_at, last_used_at, revoked_at";

    private const string Insert = """
        INSERT INTO tokens (name, workspace_id, token_hash, created_at) VALUES ($name, $ws, $hash, $at)
        RETURNING id
        """;

    private const string SelectByHash = $"SELECT {Columns} FROM tokens WHERE token_hash = $hash";

    private const string SelectById = $"SELECT {Columns} FROM tokens WHERE id = $id";

    private const string SelectAll = $"SELECT {Columns} FROM tokens ORDER BY id";

    private const string CountActive = "SELECT count(*) FROM tokens WHERE revoked_at IS NULL";

    private const string Revoke = "UPDATE tokens SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL";

    private const string MarkUsed = "UPDATE tokens SET last_used_at = $at WHERE id = $id";

    public Task<TokenRecord> CreateAsync(string name, string workspaceId, byte[] hash, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        RequireHash(hash);
        var record = new TokenRecord(0, name, workspaceId, hash.ToArray(), createdAt, null, null);
        return database.WriteAsync(record, static (session, record) => session.InTransaction(s =>
        {
            s.Statement(SqliteWorkspaceRepository.Ensure).Bind("$id", record.WorkspaceId).Bind("$at", record.CreatedAt).ExecuteNonQuery();
            var id = s.Statement(Insert)
                .Bind("$name", record.Name)
                .Bind("$ws", record.WorkspaceId)
                .Bind("$hash", record.Hash)
                .Bind("$at", record.CreatedAt)
                .ScalarInt64();
            return record with { Id = id, CreatedAt = StoredTime.Of(record.CreatedAt) };
        }), cancellationToken);
    }

    public Task<TokenRecord?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken = default)
    {
        RequireHash(hash);
        return database.ReadAsync(hash, static (session, hash) => Single(session.Statement(SelectByHash).Bind("$hash", hash)), cancellationToken);
    }

    public Task<TokenRecord?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(id, static (session, id) => Single(session.Statement(SelectById).Bind("$id", id)), cancellationToken);

    public Task<IReadOnlyList<TokenRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(0, static (session, _) =>
        {
            using var reader = session.Statement(SelectAll).ExecuteReader();
            var tokens = new List<TokenRecord>();
            while (reader.Read())
            {
                tokens.Add(Map(reader));
            }

            return (IReadOnlyList<TokenRecord>)tokens;
        }, cancellationToken);

    public Task<int> CountActiveAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(0, static (session, _) => (int)session.Statement(CountActive).ScalarInt64(), cancellationToken);

    public Task<bool> RevokeAsync(long id, DateTimeOffset revokedAt, CancellationToken cancellationToken = default) =>
        database.WriteAsync((id, revokedAt), static (session, state) =>
            session.Statement(Revoke).Bind("$id", state.id).Bind("$at", state.revokedAt).ExecuteNonQuery() > 0, cancellationToken);

    public Task MarkUsedAsync(long id, DateTimeOffset usedAt, CancellationToken cancellationToken = default) =>
        database.WriteAsync((id, usedAt), static (session, state) =>
            session.Statement(MarkUsed).Bind("$id", state.id).Bind("$at", state.usedAt).ExecuteNonQuery(), cancellationToken);

    private static TokenRecord? Single(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Map(reader) : null;
    }

    private static TokenRecord Map(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetBytes(3),
        reader.GetTimestamp(4),
        reader.GetNullableTimestamp(5),
        reader.GetNullableTimestamp(6));

    private static void RequireHash(byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Length != TokenHash.Length)
        {
            throw new ArgumentException($"A token hash is {TokenHash.Length} bytes (SHA-256); got {hash.Length}. Store TokenHash.Of(token), never the token.", nameof(hash));
        }
    }
}
