namespace Tanaka.Server.Repositories;

/// <summary>
/// Called inside the commit transaction after each step. Exists so tests can fail a commit
/// between its steps and prove nothing of it lands; production uses <see cref="None"/>.
/// </summary>
internal interface ICommitProbe
{
    static ICommitProbe None { get; } = new NoProbe();

    void Reached(CommitStep step);

    private sealed class NoProbe : ICommitProbe
    {
        public void Reached(CommitStep step)
        {
        }
    }
}
