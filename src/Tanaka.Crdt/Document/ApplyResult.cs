namespace Tanaka.Crdt;

/// <summary>
/// What applying an update did to a document.
/// </summary>
/// <param name="Changed">False when the update brought nothing new (every struct and delete was already known, pending included).</param>
/// <param name="ChangedKeys">
/// Root name -> top-level map keys whose entry or nested content changed. A root whose
/// sequence changed (array, text) is present with the keys it has, possibly none.
/// </param>
public sealed record ApplyResult(bool Changed, IReadOnlyDictionary<string, IReadOnlySet<string>> ChangedKeys);
