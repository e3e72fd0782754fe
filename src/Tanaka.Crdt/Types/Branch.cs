using Tanaka.Crdt.Document;
using Tanaka.Crdt.Structs;

namespace Tanaka.Crdt.Types;

/// <summary>
/// The state of one shared type inside a document: its sequence (a doubly linked list of
/// items in document order) and its map (key -> the item currently holding that key, older
/// values linked to its left). Roots have a name and no item; nested types are the content of
/// one item.
/// </summary>
internal sealed class Branch
{
    private Dictionary<string, Item>? _map;

    public Branch(YDoc doc, Item? item, string? name, TypeRef? kind, int depth)
    {
        Doc = doc;
        Item = item;
        Name = name;
        Kind = kind;
        Depth = depth;
    }

    public YDoc Doc { get; }

    /// <summary>The item whose content is this type; null for a root.</summary>
    public Item? Item { get; }

    /// <summary>The root name; null for a nested type.</summary>
    public string? Name { get; }

    /// <summary>What kind of type this is; null for a root nobody has asked for with a kind yet.</summary>
    public TypeRef? Kind { get; set; }

    /// <summary>How many types enclose this one (0 for a root).</summary>
    public int Depth { get; }

    /// <summary>The first item of the sequence.</summary>
    public Item? Start { get; set; }

    /// <summary>Sum of the lengths of the countable, non-deleted sequence items.</summary>
    public ulong Length { get; set; }

    /// <summary>The public view (YMap, YArray, YText or an XML type) once created.</summary>
    public YType? View { get; set; }

    public bool HasMapEntries => _map is { Count: > 0 };

    /// <summary>Key -> current item. Allocated on first use: most nested types are maps, sequences never need it.</summary>
    public Dictionary<string, Item> Map => _map ??= new Dictionary<string, Item>(StringComparer.Ordinal);

    public bool TryGetMapItem(string key, out Item? item)
    {
        if (_map is null)
        {
            item = null;
            return false;
        }

        return _map.TryGetValue(key, out item);
    }

    /// <summary>Forgets every map entry (the type was garbage-collected).</summary>
    public void ClearMap() => _map = null;

    /// <summary>The first item of a key's list (the oldest value), or null.</summary>
    public Item? LeftmostOfKey(string key)
    {
        if (!TryGetMapItem(key, out var o))
        {
            return null;
        }

        while (o!.Left is not null)
        {
            o = o.Left;
        }

        return o;
    }

    /// <summary>Refuses a local edit that would nest a type deeper than the document's limit (remote ones are collected instead).</summary>
    public void CheckCanNestType()
    {
        if (Depth >= Doc.Limits.MaxTypeDepth)
        {
            throw new InvalidOperationException($"Shared types cannot be nested more than {Doc.Limits.MaxTypeDepth} deep.");
        }
    }
}
