using System.Text.Json.Nodes;
using Tanaka.Crdt.Document;
using Tanaka.Crdt.Structs;
using Tanaka.Crdt.Types;
using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt;

/// <summary>
/// A Yjs-compatible document: shared types (maps, arrays, texts) under root names, updated by
/// local edits and by applying updates from other replicas, encoded byte for byte as yjs 13.6
/// does. Not thread-safe: callers serialize access to one document.
/// </summary>
public sealed class YDoc
{
    private readonly Dictionary<string, Branch> _roots = new(StringComparer.Ordinal);
    private Transaction? _transaction;

    /// <param name="clientId">This replica's client id for local edits; a random 32-bit id when null.</param>
    /// <param name="limits">Caps for decoding untrusted updates.</param>
    /// <param name="gc">Whether deleted content is discarded (Yjs's <c>gc</c> option).</param>
    public YDoc(ulong? clientId = null, CrdtLimits? limits = null, bool gc = true)
    {
        if (clientId > Id.MaxSafeInteger)
        {
            throw new ArgumentOutOfRangeException(nameof(clientId), "A client id is at most 2^53 - 1.");
        }

        ClientId = clientId ?? NewClientId();
        Limits = limits ?? CrdtLimits.Default;
        OwnDataLimits = Limits with { MaxStructs = int.MaxValue, MaxDeleteRanges = int.MaxValue };
        Gc = gc;
    }

    /// <summary>The client id local edits are made with. Like Yjs, a document picks a new random one if a remote update uses its id.</summary>
    public ulong ClientId { get; private set; }

    /// <summary>Whether the document holds structs or deletes it could not integrate yet (a dependency is missing).</summary>
    public bool HasPending => PendingStructs is not null || PendingDeletes is not null;

    /// <summary>After every transaction that changed something (local or remote): its v1 update.</summary>
    public event Action<byte[]>? Updated;

    internal StructStore Store { get; } = new();

    internal CrdtLimits Limits { get; }

    /// <summary>
    /// Limits for re-reading updates this document wrote itself (pending structs, its state):
    /// their content was validated on arrival, and together they may exceed what one update may hold.
    /// </summary>
    internal CrdtLimits OwnDataLimits { get; }

    internal bool Gc { get; }

    internal PendingStructs? PendingStructs { get; set; }

    internal DeleteSet? PendingDeletes { get; set; }

    /// <summary>
    /// Applies a v1 update. The update is decoded and validated completely first: a malformed
    /// update throws <see cref="UpdateDecodeException"/> and leaves the document untouched.
    /// </summary>
    public ApplyResult ApplyUpdate(ReadOnlySpan<byte> update)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("ApplyUpdate cannot run inside Transact.");
        }

        var decoded = UpdateDecoder.Decode(update, Limits);
        var pendingBefore = PendingStructs?.Update;
        var pendingDeletesBefore = PendingDeletes is null ? null : StateEncoding.EncodeDeletesOnly(PendingDeletes);
        var txn = new Transaction(this, local: false);
        _transaction = txn;
        try
        {
            UpdateIntegration.Apply(txn, decoded);
        }
        finally
        {
            _transaction = null;
            Finish(txn, wantUpdate: false);
        }

        var changed = txn.AddedStructs
            || !txn.DeleteSet.IsEmpty
            || !SameBytes(pendingBefore, PendingStructs?.Update)
            || !SameBytes(pendingDeletesBefore, PendingDeletes is null ? null : StateEncoding.EncodeDeletesOnly(PendingDeletes));
        return new ApplyResult(changed, txn.ChangedKeys());
    }

    /// <summary>The next clock this document expects from a client (0 when it holds none): the client's entry in the state vector.</summary>
    public ulong GetState(ulong client) => Store.GetState(client);

    /// <summary>This document's state vector (pending structs excluded).</summary>
    public byte[] EncodeStateVector() => StateEncoding.EncodeStateVector(Store);

    /// <summary>
    /// Everything a peer at <paramref name="stateVector"/> lacks (empty span: everything), with the
    /// delete set of the whole document and whatever is pending, as Yjs's encodeStateAsUpdate.
    /// </summary>
    public byte[] EncodeStateAsUpdate(ReadOnlySpan<byte> stateVector = default)
    {
        var target = stateVector.IsEmpty ? null : StateVector.Decode(stateVector);
        return WithPending(StateEncoding.EncodeState(Store, target), stateVector);
    }

    /// <summary>
    /// What a peer at <paramref name="stateVector"/> lacks when it is known to hold every deletion
    /// made before <paramref name="recentUpdates"/> (updates this document applied, such as the log
    /// since the peer's last sync): the structs it lacks, the deletions among them, the deletions
    /// <paramref name="recentUpdates"/> carry, and whatever is pending. Applied to such a peer it
    /// has the effect of <see cref="EncodeStateAsUpdate(ReadOnlySpan{byte})"/>, without the
    /// whole document's delete set, which grows with every overwritten value.
    /// </summary>
    /// <exception cref="UpdateDecodeException">A state vector or recent update is malformed.</exception>
    public byte[] EncodeStateAsUpdate(ReadOnlySpan<byte> stateVector, IReadOnlyList<byte[]> recentUpdates)
    {
        ArgumentNullException.ThrowIfNull(recentUpdates);
        var target = StateVector.Decode(stateVector);
        var deletes = new DeleteSet();
        foreach (var update in recentUpdates)
        {
            deletes.AddAll(YUpdate.ReadDeleteSet(update, OwnDataLimits));
        }

        return WithPending(StateEncoding.EncodeState(Store, target, deletes), stateVector);
    }

    /// <summary>Adds what is pending, as Yjs's encodeStateAsUpdate does: pending deletes whole, pending structs the peer lacks.</summary>
    private byte[] WithPending(byte[] state, ReadOnlySpan<byte> stateVector)
    {
        if (!HasPending)
        {
            return state;
        }

        var updates = new List<byte[]>(3) { state };
        if (PendingDeletes is not null)
        {
            updates.Add(StateEncoding.EncodeDeletesOnly(PendingDeletes));
        }

        if (PendingStructs is not null)
        {
            updates.Add(YUpdate.Diff(PendingStructs.Update, stateVector.IsEmpty ? [0] : stateVector, OwnDataLimits));
        }

        return YUpdate.Merge(updates, OwnDataLimits);
    }

    public YMap GetMap(string name) => (YMap)GetRoot(name, TypeRef.Map);

    public YArray GetArray(string name) => (YArray)GetRoot(name, TypeRef.Array);

    public YText GetText(string name) => (YText)GetRoot(name, TypeRef.Text);

    /// <summary>
    /// Runs local edits as one transaction and returns its v1 update (what Yjs's 'update' event
    /// carries), or an empty array when the edits changed nothing. Nested calls join the outer
    /// transaction and return an empty array.
    /// </summary>
    public byte[] Transact(Action edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        if (_transaction is not null)
        {
            edits();
            return [];
        }

        var txn = new Transaction(this, local: true);
        _transaction = txn;
        byte[]? update = null;
        try
        {
            edits();
        }
        finally
        {
            _transaction = null;
            update = Finish(txn, wantUpdate: true);
        }

        return update ?? [];
    }

    /// <summary>Every root as Yjs's toJSON shows it; a root never asked for with a kind is inferred (yjs-format 9), and left out when it holds nothing.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (name, branch) in _roots)
        {
            var node = branch.View is { } view ? JsonRendering.Type(view) : JsonRendering.Inferred(branch);
            if (node is not null || branch.View is not null)
            {
                o[name] = node;
            }
        }

        return o;
    }

    /// <summary>Runs one local edit, inside the current transaction or as its own.</summary>
    internal void Edit(Action<Transaction> edit)
    {
        if (_transaction is { } current)
        {
            if (!current.Local)
            {
                throw new InvalidOperationException("Local edits cannot run while an update is applied.");
            }

            edit(current);
            return;
        }

        var txn = new Transaction(this, local: true);
        _transaction = txn;
        try
        {
            edit(txn);
        }
        finally
        {
            _transaction = null;
            Finish(txn, wantUpdate: false);
        }
    }

    /// <summary>The ID the next local item gets.</summary>
    internal Id NextId() => new(ClientId, Store.GetState(ClientId));

    internal Branch GetOrCreateRoot(string name)
    {
        if (!_roots.TryGetValue(name, out var branch))
        {
            branch = new Branch(this, null, name, null, 0);
            _roots[name] = branch;
        }

        return branch;
    }

    private YType GetRoot(string name, TypeRef kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        var branch = GetOrCreateRoot(name);
        if (branch.View is null)
        {
            branch.Kind = kind;
            return TypeViews.Create(branch);
        }

        if (branch.Kind != kind)
        {
            throw new InvalidOperationException($"Root '{name}' is already a {branch.Kind}, not a {kind}.");
        }

        return branch.View;
    }

    private byte[]? Finish(Transaction txn, bool wantUpdate)
    {
        TransactionCleanup.Run(txn);
        if (!txn.Local && txn.TouchedClients.TryGetValue(ClientId, out var before) && Store.GetState(ClientId) != before)
        {
            // Another replica uses our client id: continuing with it would fork our clocks.
            ClientId = NewClientId();
        }

        var updated = Updated;
        if (!wantUpdate && updated is null)
        {
            return null;
        }

        var update = StateEncoding.EncodeTransaction(txn);
        if (update is not null)
        {
            updated?.Invoke(update);
        }

        return update;
    }

    private static ulong NewClientId() => (ulong)Random.Shared.NextInt64(0, 1L << 32);

    private static bool SameBytes(byte[]? a, byte[]? b) =>
        a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
