using Tanaka.Crdt.Document;
using Tanaka.Crdt.Structs;

namespace Tanaka.Crdt.Types;

/// <summary>
/// A position in a text between two items, with the formatting attributes in effect there, found
/// the way Yjs's YText finds it (formats are walked over without counting).
/// </summary>
internal sealed class TextPosition
{
    private Dictionary<string, string>? _attributes;

    private TextPosition(Item? left, Item? right)
    {
        Left = left;
        Right = right;
    }

    public Item? Left { get; private set; }

    public Item? Right { get; private set; }

    /// <summary>The position <paramref name="index"/> units in, splitting the item it falls inside.</summary>
    public static TextPosition Find(Transaction txn, Branch branch, ulong index)
    {
        var pos = new TextPosition(null, branch.Start);
        var count = index;
        while (pos.Right is { } right && count > 0)
        {
            if (right.Content is FormatContent f)
            {
                if (!right.Deleted)
                {
                    pos.Apply(f);
                }
            }
            else if (!right.Deleted)
            {
                if (count < right.Length)
                {
                    txn.Store.GetCleanStart(txn, new Id(right.Id.Client, right.Id.Clock + count));
                }

                count -= Math.Min(count, right.Length);
            }

            pos.Left = right;
            pos.Right = right.Right;
        }

        return pos;
    }

    /// <summary>
    /// Moves right over deleted items and over formats that would not change the attributes an
    /// insert here takes (Yjs's minimizeAttributeChanges with the current attributes).
    /// </summary>
    public void SkipDeletedAndUnchangedFormats()
    {
        var wanted = _attributes is null ? null : new Dictionary<string, string>(_attributes, StringComparer.Ordinal);
        while (Right is { } right)
        {
            if (!right.Deleted)
            {
                if (right.Content is not FormatContent f || !SameValue(wanted, f))
                {
                    return;
                }

                Apply(f);
            }

            Left = right;
            Right = right.Right;
        }
    }

    private static bool SameValue(Dictionary<string, string>? attributes, FormatContent f)
    {
        var value = attributes is not null && attributes.TryGetValue(f.Key, out var v) ? v : "null";
        return value == f.Json;
    }

    private void Apply(FormatContent f)
    {
        if (f.Json == "null")
        {
            _attributes?.Remove(f.Key);
        }
        else
        {
            (_attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[f.Key] = f.Json;
        }
    }
}
