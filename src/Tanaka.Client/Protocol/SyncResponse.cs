namespace Tanaka.Client.Protocol;

/// <summary>Body of a successful <c>POST /sync</c>.</summary>
public sealed record SyncResponse
{
    /// <summary><c>clock</c>: the server clock after the request; send it back as <c>since_clock</c>.</summary>
    public long Clock { get; init; }

    /// <summary><c>update</c>: what the device lacks (a Yjs v1 update), or null when nothing.</summary>
    public byte[]? Update { get; init; }

    /// <summary>
    /// <c>state_vector</c>: the server document's state vector, or null when the server vouches that
    /// the device holds exactly what it holds once it applied <see cref="Update"/>.
    /// </summary>
    public byte[]? StateVector { get; init; }
}
