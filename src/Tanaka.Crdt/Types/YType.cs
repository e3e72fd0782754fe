namespace Tanaka.Crdt.Types;

/// <summary>
/// Base of every shared type (map, array, text, XML) that lives in a document.
/// </summary>
public abstract class YType
{
}
