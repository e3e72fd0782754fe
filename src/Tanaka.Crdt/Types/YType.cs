namespace Tanaka.Crdt.Types;

/// <summary>
/// Base of every shared type (map, array, text, XML) that lives in a document. The state of
/// the type is its <see cref="Branch"/>; the public classes are views over it, so a root whose
/// kind was unknown (it arrived in an update) can later be read as a map, array or text.
/// </summary>
public abstract class YType
{
    private protected YType(Branch branch)
    {
        Branch = branch;
    }

    internal Branch Branch { get; }

    /// <summary>The document this type belongs to.</summary>
    public YDoc Doc => Branch.Doc;
}
