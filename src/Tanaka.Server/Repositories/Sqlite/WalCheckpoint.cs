namespace Tanaka.Server.Repositories.Sqlite;

/// <summary>
/// What <c>PRAGMA wal_checkpoint</c> reported: whether it was kept from finishing by a lock
/// (<see cref="Busy"/>), the WAL's size in pages and how many of them are now in the database file.
/// </summary>
internal readonly record struct WalCheckpoint(bool Busy, long WalPages, long CheckpointedPages);
