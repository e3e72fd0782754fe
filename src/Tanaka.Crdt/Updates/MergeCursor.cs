namespace Tanaka.Crdt.Updates;

/// <summary>
/// One input of a merge and the struct to take from it next (Skips are passed over: they only
/// mark gaps). Reads its update lazily, one struct at a time, as Yjs does, so a merge holds one
/// struct per input rather than every struct of every input.
/// </summary>
internal sealed class MergeCursor
{
    private readonly byte[] _update;
    private readonly CrdtLimits _limits;
    private readonly EncodedStruct[]? _sorted;
    private UpdateReadState _state;
    private int _next;
    private EncodedStruct _current;

    /// <summary>Reads <paramref name="update"/> as it comes; <see cref="MoveNext"/> throws <see cref="ClientOrderException"/> if its blocks are not in descending client order.</summary>
    public MergeCursor(int input, byte[] update, CrdtLimits limits)
    {
        Input = input;
        _update = update;
        _limits = limits;
        _state = new UpdateReader(update, limits).State;
        MoveNext();
    }

    /// <summary>Walks structs read before (and re-ordered) from <paramref name="update"/>, whose delete set is known.</summary>
    public MergeCursor(int input, byte[] update, EncodedStruct[] sorted, DeleteSet deleteSet)
    {
        Input = input;
        _update = update;
        _limits = CrdtLimits.Default;
        _sorted = sorted;
        DeleteSet = deleteSet;
        MoveNext();
    }

    /// <summary>Which input the structs come from (their positions refer to it).</summary>
    public int Input { get; }

    public bool HasCurrent { get; private set; }

    public ref EncodedStruct Current => ref _current;

    /// <summary>The input's delete set, once every struct has been read.</summary>
    public DeleteSet? DeleteSet { get; private set; }

    public bool MoveNext()
    {
        if (_sorted is not null)
        {
            HasCurrent = _next < _sorted.Length;
            if (HasCurrent)
            {
                _current = _sorted[_next++];
            }

            return HasCurrent;
        }

        if (DeleteSet is not null)
        {
            return HasCurrent = false;
        }

        var reader = new UpdateReader(_update, _limits, _state);
        while (reader.TryRead(out var s))
        {
            if (s.Kind == StructKind.Skip)
            {
                continue;
            }

            _state = reader.State;
            if (_state.OutOfOrder)
            {
                throw new ClientOrderException();
            }

            _current = s;
            return HasCurrent = true;
        }

        DeleteSet = reader.ReadDeleteSet();
        return HasCurrent = false;
    }
}

/// <summary>An input of a merge lists its clients out of descending order; the merge starts over with re-ordered inputs.</summary>
internal sealed class ClientOrderException : Exception
{
}
