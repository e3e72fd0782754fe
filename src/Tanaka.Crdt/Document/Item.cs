using Tanaka.Crdt.Structs;
using Tanaka.Crdt.Types;

namespace Tanaka.Crdt.Document;

/// <summary>
/// A unit of content inside a document: a run of one client's clocks, linked into its parent
/// type's sequence (or a map key's list) between its current neighbours.
/// </summary>
internal sealed class Item : Block
{
    private ItemFlags _flags;

    public Item(Id id, Item? left, Id? origin, Item? right, Id? rightOrigin, Branch parent, string? parentSub, Content content)
        : base(id, content.Length)
    {
        Left = left;
        Right = right;
        Parent = parent;
        ParentSub = parentSub;
        Content = content;
        _flags = content.Countable ? ItemFlags.Countable : ItemFlags.None;
        if (origin is { } o)
        {
            _origin = o;
            _flags |= ItemFlags.HasOrigin;
        }

        if (rightOrigin is { } ro)
        {
            _rightOrigin = ro;
            _flags |= ItemFlags.HasRightOrigin;
        }
    }

    [Flags]
    private enum ItemFlags : byte
    {
        None = 0,
        Keep = 1,
        Countable = 2,
        Deleted = 4,
        HasOrigin = 8,
        HasRightOrigin = 16,
    }

    // The origins are fixed at creation. Kept as plain IDs with presence bits in _flags rather
    // than as Id? fields (8 bytes of padding each): a document keeps every item it ever
    // received, overwritten map values included, so the item's size is most of its memory.
    private readonly Id _origin;
    private readonly Id _rightOrigin;

    /// <summary>The ID of the item that was immediately left of this one when it was inserted.</summary>
    public Id? Origin => (_flags & ItemFlags.HasOrigin) != 0 ? _origin : null;

    /// <summary>The ID of the item that was immediately right of this one when it was inserted.</summary>
    public Id? RightOrigin => (_flags & ItemFlags.HasRightOrigin) != 0 ? _rightOrigin : null;

    /// <summary>The item currently left of this one.</summary>
    public Item? Left;

    /// <summary>The item currently right of this one.</summary>
    public Item? Right;

    public Branch Parent;

    /// <summary>The map key, or null for a sequence item.</summary>
    public string? ParentSub;

    public Content Content;

    public bool Deleted => (_flags & ItemFlags.Deleted) != 0;

    public override bool IsDeleted => Deleted;

    /// <summary>Whether the content counts towards the parent's length (fixed when the item is created, as in Yjs).</summary>
    public bool Countable => (_flags & ItemFlags.Countable) != 0;

    /// <summary>Never garbage-collect this item.</summary>
    public bool Keep
    {
        get => (_flags & ItemFlags.Keep) != 0;
        set => _flags = value ? _flags | ItemFlags.Keep : _flags & ~ItemFlags.Keep;
    }

    /// <summary>The ID of the last clock of this item.</summary>
    public Id LastId => Length == 1 ? Id : new Id(Id.Client, Id.Clock + Length - 1);

    public void MarkDeleted() => _flags |= ItemFlags.Deleted;

    /// <summary>
    /// Links this item into its parent (YATA): <see cref="Left"/> and <see cref="Right"/> hold
    /// the neighbours at insertion time (resolved from the origins); concurrent inserts between
    /// them are ordered deterministically, then the item is added to the store.
    /// </summary>
    public void Integrate(Transaction txn)
    {
        var parent = Parent;
        if ((Left is null && (Right is null || Right.Left is not null)) || (Left is not null && Left.Right != Right))
        {
            Left = FindLeftAmongConflicts(txn, parent);
        }

        if (Left is not null)
        {
            Right = Left.Right;
            Left.Right = this;
        }
        else if (ParentSub is not null)
        {
            Right = parent.LeftmostOfKey(ParentSub);
        }
        else
        {
            Right = parent.Start;
            parent.Start = this;
        }

        if (Right is not null)
        {
            Right.Left = this;
        }
        else if (ParentSub is not null)
        {
            // Rightmost in its key's list: the new current value; the previous one is overwritten.
            parent.Map[ParentSub] = this;
            Left?.Delete(txn);
        }

        if (ParentSub is null && Countable && !Deleted)
        {
            parent.Length += Length;
        }

        txn.AddStruct(this);
        IntegrateContent(txn);
        txn.TrackChange(parent, ParentSub);
        if ((parent.Item is not null && parent.Item.Deleted) || (ParentSub is not null && Right is not null))
        {
            // The parent is gone, or a concurrent value with a higher claim holds the key.
            Delete(txn);
        }
    }

    private Item? FindLeftAmongConflicts(Transaction txn, Branch parent)
    {
        var store = txn.Store;
        var left = Left;
        Item? o;
        if (left is not null)
        {
            o = left.Right;
        }
        else if (ParentSub is not null)
        {
            o = parent.LeftmostOfKey(ParentSub);
        }
        else
        {
            o = parent.Start;
        }

        if (o is null || o == Right)
        {
            return left;
        }

        var (beforeOrigin, conflicting) = txn.ConflictScanSets();
        while (o is not null && o != Right)
        {
            beforeOrigin.Add(o);
            conflicting.Add(o);
            if (Origin == o.Origin)
            {
                if (o.Id.Client < Id.Client)
                {
                    left = o;
                    conflicting.Clear();
                }
                else if (RightOrigin == o.RightOrigin)
                {
                    // Same integration points: the lower client goes first, and that is this one.
                    break;
                }
            }
            else if (o.Origin is { } oo && store.Find(oo) is Item originItem && beforeOrigin.Contains(originItem))
            {
                if (!conflicting.Contains(originItem))
                {
                    left = o;
                    conflicting.Clear();
                }
            }
            else
            {
                break;
            }

            o = o.Right;
        }

        return left;
    }

    private void IntegrateContent(Transaction txn)
    {
        switch (Content)
        {
            case TypeContent tc when tc.Type is null:
                tc.Type = TypeViews.Create(new Branch(txn.Doc, this, null, tc.TypeRef, Parent.Depth + 1));
                break;
            case DeletedContent:
                txn.AddDeleted(Id, Length);
                MarkDeleted();
                break;
            default:
                break;
        }
    }

    /// <summary>Marks the item deleted; deleting a type deletes everything it contains.</summary>
    public void Delete(Transaction txn)
    {
        if (Deleted)
        {
            return;
        }

        var parent = Parent;
        if (Countable && ParentSub is null)
        {
            parent.Length -= Length;
        }

        MarkDeleted();
        txn.AddDeleted(Id, Length);
        txn.TrackChange(parent, ParentSub);
        if (Content is TypeContent { Type: { } type })
        {
            DeleteContents(txn, type.Branch);
        }
    }

    private static void DeleteContents(Transaction txn, Branch branch)
    {
        for (var item = branch.Start; item is not null; item = item.Right)
        {
            DeleteChild(txn, item);
        }

        if (branch.HasMapEntries)
        {
            foreach (var item in branch.Map.Values)
            {
                DeleteChild(txn, item);
            }
        }
    }

    private static void DeleteChild(Transaction txn, Item item)
    {
        if (!item.Deleted)
        {
            item.Delete(txn);
        }
        else if (item.Id.Clock < txn.BeforeState(item.Id.Client))
        {
            // Deleted earlier and about to be collected with its parent: a merge candidate the
            // transaction's delete set does not name.
            txn.MergeStructs.Add(item);
        }
    }

    /// <summary>
    /// Drops the content of a deleted item: it becomes ContentDeleted (the item stays as a
    /// position marker), or a GC block when its parent type was collected too.
    /// </summary>
    public void Gc(StructStore store, bool parentCollected)
    {
        if (Content is TypeContent { Type: { } type })
        {
            CollectContents(store, type.Branch);
        }

        if (parentCollected)
        {
            store.Replace(this, new GcBlock(Id, Length));
        }
        else
        {
            Content = new DeletedContent(Length);
        }
    }

    private static void CollectContents(StructStore store, Branch branch)
    {
        for (var item = branch.Start; item is not null; item = item.Right)
        {
            item.Gc(store, true);
        }

        branch.Start = null;
        if (branch.HasMapEntries)
        {
            foreach (var value in branch.Map.Values)
            {
                for (var item = value; item is not null; item = item.Left)
                {
                    item.Gc(store, true);
                }
            }
        }

        branch.ClearMap();
    }

    /// <summary>
    /// Splits this item <paramref name="diff"/> clocks in. The right part continues the left
    /// (origin = the left part's last ID) and is linked right after it.
    /// </summary>
    public Item Split(Transaction txn, ulong diff)
    {
        var right = new Item(
            new Id(Id.Client, Id.Clock + diff),
            this,
            new Id(Id.Client, Id.Clock + diff - 1),
            Right,
            RightOrigin,
            Parent,
            ParentSub,
            Content.Splice(diff));
        if (Deleted)
        {
            right.MarkDeleted();
        }

        if (Keep)
        {
            right.Keep = true;
        }

        Right = right;
        if (right.Right is not null)
        {
            right.Right.Left = right;
        }

        txn.MergeStructs.Add(right);
        if (right.ParentSub is not null && right.Right is null)
        {
            Parent.Map[right.ParentSub] = right;
        }

        Length = diff;
        return right;
    }

    /// <summary>Appends <paramref name="right"/> to this item when both continue each other exactly (7.4).</summary>
    public bool TryMergeWith(Item right)
    {
        if (right.Origin is not { } ro || ro != LastId
            || Right != right
            || RightOrigin != right.RightOrigin
            || Id.Client != right.Id.Client
            || Id.Clock + Length != right.Id.Clock
            || Deleted != right.Deleted
            || Content.Ref != right.Content.Ref
            || !Content.TryAppend(right.Content))
        {
            return false;
        }

        if (right.Keep)
        {
            Keep = true;
        }

        Right = right.Right;
        if (Right is not null)
        {
            Right.Left = this;
        }

        Length += right.Length;
        return true;
    }
}
