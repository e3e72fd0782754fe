using System.Text.Json.Nodes;
using Tanaka.Crdt.Document;
using Tanaka.Crdt.Structs;

namespace Tanaka.Crdt.Types;

/// <summary>A shared array of values (Any values, byte arrays, nested types).</summary>
public sealed class YArray : YType
{
    internal YArray(Branch branch)
        : base(branch)
    {
    }

    public int Length => (int)Branch.Length;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public object? Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var i = (ulong)index;
        for (var n = Branch.Start; n is not null; n = n.Right)
        {
            if (n.Deleted || !n.Countable)
            {
                continue;
            }

            if (i < n.Length)
            {
                return ContentValues.At(n.Content, (int)i);
            }

            i -= n.Length;
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, "Index is beyond the end of the array.");
    }

    /// <summary>Inserts values at <paramref name="index"/> (0 .. Length). Consecutive Any values go into one item; each byte array is an item of its own.</summary>
    public void Insert(int index, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckInsertIndex(index);
        var contents = ToContents(values);
        if (contents.Count == 0)
        {
            return;
        }

        var branch = Branch;
        Doc.Edit(txn => SequenceEdits.InsertAfter(txn, branch, SequenceEdits.ReferenceForIndex(txn, branch, (ulong)index), contents));
    }

    /// <summary>Appends values after the last item.</summary>
    public void Push(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var contents = ToContents(values);
        if (contents.Count == 0)
        {
            return;
        }

        var branch = Branch;
        Doc.Edit(txn => SequenceEdits.InsertAfter(txn, branch, SequenceEdits.LastItem(branch), contents));
    }

    /// <summary>Deletes <paramref name="length"/> elements from <paramref name="index"/>.</summary>
    public void Delete(int index, int length = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if ((ulong)index + (ulong)length > Branch.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "The range is beyond the end of the array.");
        }

        if (length == 0)
        {
            return;
        }

        var branch = Branch;
        Doc.Edit(txn => SequenceEdits.Delete(txn, branch, (ulong)index, (ulong)length));
    }

    /// <summary>Inserts a new nested map at <paramref name="index"/> and returns it.</summary>
    public YMap InsertMap(int index)
    {
        CheckInsertIndex(index);
        Branch.CheckCanNestType();
        var content = new TypeContent(TypeRef.Map, null);
        var branch = Branch;
        Doc.Edit(txn => SequenceEdits.InsertAfter(txn, branch, SequenceEdits.ReferenceForIndex(txn, branch, (ulong)index), [content]));
        return (YMap)content.Type!;
    }

    public JsonArray ToJson() => JsonRendering.Array(Branch);

    private void CheckInsertIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if ((ulong)index > Branch.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "Index is beyond the end of the array.");
        }
    }

    private List<Content> ToContents(object?[] values)
    {
        var contents = new List<Content>();
        List<object?>? pack = null;
        foreach (var v in values)
        {
            if (v is byte[] bytes)
            {
                if (pack is not null)
                {
                    contents.Add(new AnyContent(pack));
                    pack = null;
                }

                contents.Add(new BinaryContent(bytes.ToArray()));
            }
            else
            {
                (pack ??= []).Add(AnyValues.From(v, Doc.Limits.MaxAnyDepth));
            }
        }

        if (pack is not null)
        {
            contents.Add(new AnyContent(pack));
        }

        return contents;
    }
}
