using Tanaka.Crdt.Document;
using Tanaka.Crdt.Structs;

namespace Tanaka.Crdt.Types;

/// <summary>Index-based edits of a type's sequence, placing items exactly where Yjs's array operations do.</summary>
internal static class SequenceEdits
{
    /// <summary>
    /// The item to insert after for index <paramref name="index"/>: the countable item the
    /// index falls in or right after (split when inside), or null for the front.
    /// </summary>
    public static Item? ReferenceForIndex(Transaction txn, Branch branch, ulong index)
    {
        if (index == 0)
        {
            return null;
        }

        var n = branch.Start;
        for (; n is not null; n = n.Right)
        {
            if (n.Deleted || !n.Countable)
            {
                continue;
            }

            if (index <= n.Length)
            {
                if (index < n.Length)
                {
                    txn.Store.GetCleanStart(txn, new Id(n.Id.Client, n.Id.Clock + index));
                }

                break;
            }

            index -= n.Length;
        }

        return n;
    }

    /// <summary>The last item of the sequence, deleted or not.</summary>
    public static Item? LastItem(Branch branch)
    {
        var n = branch.Start;
        if (n is null)
        {
            return null;
        }

        while (n.Right is not null)
        {
            n = n.Right;
        }

        return n;
    }

    /// <summary>Inserts one item per content after <paramref name="reference"/> (null: at the front), in order.</summary>
    public static void InsertAfter(Transaction txn, Branch branch, Item? reference, List<Content> contents)
    {
        var left = reference;
        var right = reference is null ? branch.Start : reference.Right;
        foreach (var content in contents)
        {
            var item = new Item(txn.Doc.NextId(), left, left?.LastId, right, right?.Id, branch, null, content);
            item.Integrate(txn);
            left = item;
        }
    }

    /// <summary>Deletes <paramref name="length"/> countable units from <paramref name="index"/>.</summary>
    public static void Delete(Transaction txn, Branch branch, ulong index, ulong length)
    {
        var n = branch.Start;
        for (; n is not null && index > 0; n = n.Right)
        {
            if (!n.Deleted && n.Countable)
            {
                if (index < n.Length)
                {
                    txn.Store.GetCleanStart(txn, new Id(n.Id.Client, n.Id.Clock + index));
                }

                index -= Math.Min(index, n.Length);
            }
        }

        for (; length > 0 && n is not null; n = n.Right)
        {
            if (!n.Deleted)
            {
                if (length < n.Length)
                {
                    txn.Store.GetCleanStart(txn, new Id(n.Id.Client, n.Id.Clock + length));
                }

                n.Delete(txn);
                length -= Math.Min(length, n.Length);
            }
        }
    }
}
