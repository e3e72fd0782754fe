using Tanaka.Crdt.Types;
using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt.Document;

/// <summary>
/// One batch of changes to a document (a local edit block or one applied update). It records
/// what GC and struct merging must look at afterwards and what the change touched.
/// </summary>
internal sealed class Transaction(YDoc doc, bool local)
{
    // The state of each client touched by this transaction, taken before its first new block.
    // Untouched clients still have their state from before, so recording lazily is exact.
    private readonly Dictionary<ulong, ulong> _beforeState = [];
    private Dictionary<Branch, HashSet<string>>? _changed;
    private HashSet<Item>? _beforeOrigin;
    private HashSet<Item>? _conflicting;

    public YDoc Doc { get; } = doc;

    public StructStore Store => Doc.Store;

    public bool Local { get; } = local;

    /// <summary>Every ID range deleted in this transaction.</summary>
    public DeleteSet DeleteSet { get; } = new();

    /// <summary>Items whose left neighbour they might merge with after the transaction (split parts and the like).</summary>
    public List<Item> MergeStructs { get; } = [];

    /// <summary>Clients that received new blocks, with their state before.</summary>
    public IReadOnlyDictionary<ulong, ulong> TouchedClients => _beforeState;

    /// <summary>The client's state when the transaction started.</summary>
    public ulong BeforeState(ulong client) =>
        _beforeState.TryGetValue(client, out var clock) ? clock : Store.GetState(client);

    public void AddStruct(Block block)
    {
        var client = block.Id.Client;
        if (!_beforeState.ContainsKey(client))
        {
            _beforeState[client] = Store.GetState(client);
        }

        Store.Add(block);
    }

    /// <summary>
    /// Adds a deleted run to <see cref="DeleteSet"/>, extending the client's last range when the
    /// run continues it (an applied update deletes runs of consecutive clocks one item at a
    /// time). The set is sorted and merged before anything reads it, so the ranges come out the
    /// same either way; this only keeps the lists short.
    /// </summary>
    public void AddDeleted(Id id, ulong length)
    {
        if (length > 0 && DeleteSet.Clients.TryGetValue(id.Client, out var ranges) && ranges.Count > 0 && ranges[^1].End == id.Clock)
        {
            ranges[^1] = ranges[^1] with { Length = ranges[^1].Length + length };
            return;
        }

        DeleteSet.Add(id.Client, id.Clock, length);
    }

    /// <summary>
    /// Two empty identity sets for one conflict scan (<see cref="Item.Integrate"/>), the same two
    /// every time: an applied update can scan once per item, and only one scan runs at a time.
    /// </summary>
    public (HashSet<Item> BeforeOrigin, HashSet<Item> Conflicting) ConflictScanSets()
    {
        _beforeOrigin ??= new HashSet<Item>(ReferenceEqualityComparer.Instance);
        _conflicting ??= new HashSet<Item>(ReferenceEqualityComparer.Instance);
        _beforeOrigin.Clear();
        _conflicting.Clear();
        return (_beforeOrigin, _conflicting);
    }

    /// <summary>Whether any client's state grew.</summary>
    public bool AddedStructs
    {
        get
        {
            foreach (var (client, before) in _beforeState)
            {
                if (Store.GetState(client) != before)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Records that the entry <paramref name="parentSub"/> of <paramref name="parent"/> (or its sequence) changed.</summary>
    public void TrackChange(Branch parent, string? parentSub)
    {
        var branch = parent;
        var key = parentSub;
        while (branch.Item is { } item)
        {
            key = item.ParentSub;
            branch = item.Parent;
        }

        _changed ??= [];
        if (!_changed.TryGetValue(branch, out var keys))
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            _changed[branch] = keys;
        }

        if (key is not null)
        {
            keys.Add(key);
        }
    }

    /// <summary>Root name -> top-level keys that changed.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ChangedKeys()
    {
        if (_changed is null)
        {
            return EmptyChanges;
        }

        var result = new Dictionary<string, IReadOnlySet<string>>(_changed.Count, StringComparer.Ordinal);
        foreach (var (root, keys) in _changed)
        {
            result[root.Name!] = keys;
        }

        return result;
    }

    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> EmptyChanges =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
}
