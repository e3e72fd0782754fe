namespace Tanaka.Server.Repositories.Sqlite.Migrations;

/// <summary>The document store: workspaces, update log, snapshots, materialized tabs and windows, device sync state.</summary>
internal static class V001InitialSchema
{
    // Times are Unix milliseconds. The clock is the log's rowid: the server has one Lamport clock
    // for all workspaces, so clocks are unique, and "after clock N" is a range scan of
    // (workspace_id, clock) followed by rowid lookups. Large blobs stay out of that index.
    public static SqliteMigration Migration { get; } = new(1, "initial_schema", """
        CREATE TABLE workspaces (
            id          TEXT    NOT NULL PRIMARY KEY,
            created_at  INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE update_log (
            clock         INTEGER NOT NULL PRIMARY KEY,
            workspace_id  TEXT    NOT NULL REFERENCES workspaces (id),
            device_id     TEXT    NOT NULL,
            update_bytes  BLOB    NOT NULL,
            created_at    INTEGER NOT NULL
        );

        CREATE INDEX update_log_workspace_clock ON update_log (workspace_id, clock);

        CREATE TABLE snapshots (
            workspace_id  TEXT    NOT NULL PRIMARY KEY REFERENCES workspaces (id),
            state         BLOB    NOT NULL,
            state_vector  BLOB    NOT NULL,
            clock         INTEGER NOT NULL,
            created_at    INTEGER NOT NULL
        );

        CREATE TABLE tabs (
            workspace_id  TEXT    NOT NULL REFERENCES workspaces (id),
            id            TEXT    NOT NULL,
            window_id     TEXT,
            url           TEXT,
            title         TEXT,
            fav_icon_url  TEXT,
            tab_index     INTEGER,
            active        INTEGER NOT NULL CHECK (active IN (0, 1)),
            pinned        INTEGER NOT NULL CHECK (pinned IN (0, 1)),
            updated_at    INTEGER NOT NULL,
            clock         INTEGER NOT NULL,
            device_id     TEXT    NOT NULL,
            PRIMARY KEY (workspace_id, id)
        );

        CREATE TABLE windows (
            workspace_id     TEXT    NOT NULL REFERENCES workspaces (id),
            id               TEXT    NOT NULL,
            tracked          INTEGER NOT NULL CHECK (tracked IN (0, 1)),
            focused          INTEGER NOT NULL CHECK (focused IN (0, 1)),
            owner_device_id  TEXT,
            updated_at       INTEGER NOT NULL,
            clock            INTEGER NOT NULL,
            device_id        TEXT    NOT NULL,
            PRIMARY KEY (workspace_id, id)
        );

        CREATE TABLE sync_state (
            workspace_id  TEXT    NOT NULL REFERENCES workspaces (id),
            device_id     TEXT    NOT NULL,
            last_clock    INTEGER NOT NULL,
            last_sync     INTEGER NOT NULL,
            PRIMARY KEY (workspace_id, device_id)
        ) WITHOUT ROWID;
        """);
}
