using System.Text.Json.Nodes;
using Tanaka.Crdt.Document;
using Tanaka.Crdt.Structs;

namespace Tanaka.Crdt.Types;

/// <summary>A shared map: string keys to values (Any values, byte arrays or nested types); concurrent sets of one key converge to the highest client id.</summary>
public sealed class YMap : YType
{
    internal YMap(Branch branch)
        : base(branch)
    {
    }

    /// <summary>How many keys currently have a value.</summary>
    public int Count
    {
        get
        {
            if (!Branch.HasMapEntries)
            {
                return 0;
            }

            var n = 0;
            foreach (var item in Branch.Map.Values)
            {
                if (!item.Deleted)
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>The keys that currently have a value, in the order they first got one in this document.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            if (!Branch.HasMapEntries)
            {
                yield break;
            }

            foreach (var (key, item) in Branch.Map)
            {
                if (!item.Deleted)
                {
                    yield return key;
                }
            }
        }
    }

    public bool ContainsKey(string key) => Branch.TryGetMapItem(key, out var item) && !item!.Deleted;

    /// <summary>The value of <paramref name="key"/> (an Any value, a byte array, or a YMap/YArray/YText), or null when absent.</summary>
    public object? Get(string key) =>
        Branch.TryGetMapItem(key, out var item) && !item!.Deleted ? ContentValues.Last(item.Content) : null;

    /// <summary>Sets a value: Any values, .NET numbers, dictionaries and enumerables (converted to the Any model), or a byte array (stored as binary content).</summary>
    public void Set(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        Content content = value is byte[] bytes
            ? new BinaryContent(bytes.ToArray())
            : new AnyContent([AnyValues.From(value, Doc.Limits.MaxAnyDepth)]);
        Insert(key, content);
    }

    /// <summary>Sets <paramref name="key"/> to a new nested map and returns it.</summary>
    public YMap SetMap(string key) => (YMap)InsertType(key, TypeRef.Map);

    /// <summary>Sets <paramref name="key"/> to a new nested array and returns it.</summary>
    public YArray SetArray(string key) => (YArray)InsertType(key, TypeRef.Array);

    /// <summary>Sets <paramref name="key"/> to a new nested text and returns it.</summary>
    public YText SetText(string key) => (YText)InsertType(key, TypeRef.Text);

    /// <summary>Removes the key's value (nothing happens when it has none).</summary>
    public void Delete(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Branch.TryGetMapItem(key, out var item))
        {
            Doc.Edit(item!.Delete);
        }
    }

    public JsonObject ToJson() => JsonRendering.Map(Branch);

    private YType InsertType(string key, TypeRef kind)
    {
        ArgumentNullException.ThrowIfNull(key);
        Branch.CheckCanNestType();
        var content = new TypeContent(kind, null);
        Insert(key, content);
        return content.Type!;
    }

    private void Insert(string key, Content content)
    {
        var branch = Branch;
        Doc.Edit(txn =>
        {
            branch.TryGetMapItem(key, out var left);
            new Item(txn.Doc.NextId(), left, left?.LastId, null, null, branch, key, content).Integrate(txn);
        });
    }
}
