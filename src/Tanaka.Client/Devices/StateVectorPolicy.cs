namespace Tanaka.Client.Devices;

/// <summary>When a <see cref="SyncingDevice"/> puts its state vector in a sync request.</summary>
public enum StateVectorPolicy
{
    /// <summary>
    /// Every request, with <c>since_clock</c>: the server answers with exactly the structs the
    /// device lacks and the deletions logged since. Always complete, but the request grows with
    /// every Yjs client id the workspace has seen (about 6 bytes each).
    /// </summary>
    Always,

    /// <summary>
    /// On the first sync, after an answer whose state vector differs from the document's (the
    /// server could not vouch that both hold the same), and while the document holds pending
    /// structs; otherwise <c>since_clock</c> alone, and the server answers with the updates logged
    /// since. The smallest requests and answers in steady state; the default.
    /// </summary>
    WhenNeeded,

    /// <summary>Never: the server relies on <c>since_clock</c> (or sends the full state on a first sync).</summary>
    Never,
}
