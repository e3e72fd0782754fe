namespace Tanaka.Server.Services;

/// <summary>Facts about encoded Yjs v1 updates the sync path needs without decoding them.</summary>
internal static class UpdateBytes
{
    /// <summary>
    /// True for the update that carries nothing: no clients with structs, an empty delete set.
    /// Yjs writes exactly these two bytes for it.
    /// </summary>
    public static bool IsEmpty(ReadOnlySpan<byte> update) => update is [0, 0];
}
