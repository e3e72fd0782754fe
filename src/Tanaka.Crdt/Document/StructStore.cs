namespace Tanaka.Crdt.Document;

/// <summary>
/// Every block of a document, per client in clock order and contiguous from clock 0. Lookups
/// are binary searches; splitting an item inserts its right part after it.
/// </summary>
internal sealed class StructStore
{
    private readonly Dictionary<ulong, List<Block>> _clients = [];

    public Dictionary<ulong, List<Block>>.KeyCollection Clients => _clients.Keys;

    public int ClientCount => _clients.Count;

    public List<Block>? GetBlocks(ulong client) => _clients.GetValueOrDefault(client);

    /// <summary>The client's next free clock (0 when the store holds nothing of it).</summary>
    public ulong GetState(ulong client)
    {
        if (!_clients.TryGetValue(client, out var blocks))
        {
            return 0;
        }

        return blocks[^1].EndClock;
    }

    /// <summary>Appends a block; it must start at the client's state.</summary>
    public void Add(Block block)
    {
        if (!_clients.TryGetValue(block.Id.Client, out var blocks))
        {
            if (block.Id.Clock != 0)
            {
                throw new InvalidOperationException($"Block {block.Id} does not start at clock 0.");
            }

            blocks = [];
            _clients[block.Id.Client] = blocks;
        }
        else if (blocks[^1].EndClock != block.Id.Clock)
        {
            throw new InvalidOperationException($"Block {block.Id} does not continue the client's blocks.");
        }

        blocks.Add(block);
    }

    /// <summary>Index of the block containing <paramref name="clock"/>, or -1.</summary>
    public static int FindIndex(List<Block> blocks, ulong clock)
    {
        int lo = 0, hi = blocks.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var b = blocks[mid];
            if (clock < b.Id.Clock)
            {
                hi = mid - 1;
            }
            else if (clock >= b.Id.Clock + b.Length)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>The block containing <paramref name="id"/>, or null when the store does not hold it.</summary>
    public Block? Find(Id id)
    {
        if (!_clients.TryGetValue(id.Client, out var blocks))
        {
            return null;
        }

        var i = FindIndex(blocks, id.Clock);
        return i < 0 ? null : blocks[i];
    }

    /// <summary>Index of the block that starts at <paramref name="clock"/>, splitting an item if needed; -1 when absent.</summary>
    public static int FindIndexCleanStart(Transaction txn, List<Block> blocks, ulong clock)
    {
        var index = FindIndex(blocks, clock);
        if (index < 0)
        {
            return -1;
        }

        if (blocks[index] is Item item && item.Id.Clock < clock)
        {
            blocks.Insert(index + 1, item.Split(txn, clock - item.Id.Clock));
            return index + 1;
        }

        return index;
    }

    /// <summary>The block starting at <paramref name="id"/> (items are split there; GC blocks are returned whole).</summary>
    public Block? GetCleanStart(Transaction txn, Id id)
    {
        if (!_clients.TryGetValue(id.Client, out var blocks))
        {
            return null;
        }

        var index = FindIndexCleanStart(txn, blocks, id.Clock);
        return index < 0 ? null : blocks[index];
    }

    /// <summary>The block ending at <paramref name="id"/> (items are split after it; GC blocks are returned whole).</summary>
    public Block? GetCleanEnd(Transaction txn, Id id)
    {
        if (!_clients.TryGetValue(id.Client, out var blocks))
        {
            return null;
        }

        var index = FindIndex(blocks, id.Clock);
        if (index < 0)
        {
            return null;
        }

        var block = blocks[index];
        if (block is Item item && id.Clock != item.Id.Clock + item.Length - 1)
        {
            blocks.Insert(index + 1, item.Split(txn, id.Clock - item.Id.Clock + 1));
        }

        return block;
    }

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="block"/> is (same ID and length).</summary>
    public void Replace(Block block, Block replacement)
    {
        var blocks = _clients[block.Id.Client];
        var index = FindIndex(blocks, block.Id.Clock);
        if (index >= 0 && ReferenceEquals(blocks[index], block))
        {
            blocks[index] = replacement;
        }
    }
}
