namespace Tanaka.Server.Repositories.Sqlite.Migrations;

/// <summary>
/// Per-workspace access tokens. Their own step because they came with multi-workspace auth (a
/// personal server can run on the configured shared token alone); it also means the upgrade
/// path from an older schema is exercised by the tests from the first release.
/// </summary>
internal static class V002Tokens
{
    // AUTOINCREMENT: the id of a revoked token is never handed to a new one, so a "revoke 7" typed
    // from an old listing cannot hit the wrong token.
    public static SqliteMigration Migration { get; } = new(2, "tokens", """
        CREATE TABLE tokens (
            id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            name          TEXT    NOT NULL,
            workspace_id  TEXT    NOT NULL REFERENCES workspaces (id),
            token_hash    BLOB    NOT NULL UNIQUE CHECK (length(token_hash) = 32),
            created_at    INTEGER NOT NULL,
            last_used_at  INTEGER,
            revoked_at    INTEGER
        );

        CREATE INDEX tokens_workspace ON tokens (workspace_id);
        """);
}
