namespace Tanaka.Client.Devices;

/// <summary>When a <see cref="SyncingDevice"/> puts its state vector in a sync request.</summary>
public enum StateVectorPolicy
{
    /// <summary>
    /// Every request: the server answers with the exact Yjs diff, which is always complete but,
    /// as in Yjs, carries the document's whole delete set every time.
    /// </summary>
    Always,

    /// <summary>
    /// Only when the device has no server clock yet (first sync) or its document holds pending
    /// structs (it lacks something); otherwise <c>since_clock</c> alone, and the server answers
    /// with the updates logged since, which in steady state is far smaller.
    /// </summary>
    WhenNeeded,

    /// <summary>Never: the server relies on <c>since_clock</c> (or sends the full state on a first sync).</summary>
    Never,
}
