using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>
/// The outcome of <see cref="IWorkspaceStore.CommitAsync"/>. <see cref="Clock"/> is the server
/// clock after the commit (the new entry's clock, or the current clock when nothing was logged)
/// and the device's new <c>last_clock</c>; <see cref="Entry"/> is the appended log entry, or null
/// when the commit carried no update.
/// </summary>
public sealed record CommitResult(long Clock, UpdateLogEntry? Entry);
