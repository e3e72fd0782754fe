namespace Tanaka.Server.Repositories;

/// <summary>
/// The outcome of <see cref="IWorkspaceStore.CompactAsync"/>. <see cref="Applied"/> is false when
/// a snapshot covering more had been stored meanwhile (nothing changed then);
/// <see cref="DeletedEntries"/> counts the log entries folded away.
/// </summary>
public sealed record CompactionResult(bool Applied, int DeletedEntries);
