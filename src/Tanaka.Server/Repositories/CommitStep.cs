namespace Tanaka.Server.Repositories;

/// <summary>The steps of a commit, in order; <see cref="ICommitProbe"/> is told as each one is written.</summary>
internal enum CommitStep
{
    LogAppended,
    TabsWritten,
    WindowsWritten,
    SyncStateWritten,
}
