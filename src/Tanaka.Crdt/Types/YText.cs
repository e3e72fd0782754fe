using Tanaka.Crdt.Document;
using Tanaka.Crdt.Structs;
using StringContent = Tanaka.Crdt.Structs.StringContent;

namespace Tanaka.Crdt.Types;

/// <summary>
/// Shared text. Lengths and indexes are UTF-16 code units, as in JavaScript. Formatting
/// attributes received from others are kept (and respected when placing inserts) but cannot be
/// created here.
/// </summary>
public sealed class YText : YType
{
    internal YText(Branch branch)
        : base(branch)
    {
    }

    public int Length => (int)Branch.Length;

    /// <summary>Inserts <paramref name="text"/> at <paramref name="index"/> (0 .. Length).</summary>
    public void Insert(int index, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if ((ulong)index > Branch.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "Index is beyond the end of the text.");
        }

        if (text.Length == 0)
        {
            return;
        }

        var branch = Branch;
        Doc.Edit(txn =>
        {
            var pos = TextPosition.Find(txn, branch, (ulong)index);
            pos.SkipDeletedAndUnchangedFormats();
            new Item(txn.Doc.NextId(), pos.Left, pos.Left?.LastId, pos.Right, pos.Right?.Id, branch, null, new StringContent(text)).Integrate(txn);
        });
    }

    /// <summary>Deletes <paramref name="length"/> UTF-16 code units from <paramref name="index"/>.</summary>
    public void Delete(int index, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if ((ulong)index + (ulong)length > Branch.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "The range is beyond the end of the text.");
        }

        if (length == 0)
        {
            return;
        }

        var branch = Branch;
        Doc.Edit(txn =>
        {
            var pos = TextPosition.Find(txn, branch, (ulong)index);
            var remaining = (ulong)length;
            for (var right = pos.Right; remaining > 0 && right is not null; right = right.Right)
            {
                if (!right.Deleted && right.Content is StringContent or EmbedContent or TypeContent)
                {
                    if (remaining < right.Length)
                    {
                        txn.Store.GetCleanStart(txn, new Id(right.Id.Client, right.Id.Clock + remaining));
                    }

                    remaining -= Math.Min(remaining, right.Length);
                    right.Delete(txn);
                }
            }
        });
    }

    public override string ToString() => JsonRendering.Text(Branch);
}
