namespace Tanaka.Crdt.Updates;

/// <summary>
/// The struct part of <see cref="YUpdate.Merge"/>: walks the inputs in <see cref="MergeOrder"/>
/// and writes every clock once (yjs-format 5.4). The struct taken first at a clock wins, the
/// next one is cut to start where it ends, gaps become Skips, and a GC that continues a GC from
/// another input is joined to it.
/// </summary>
internal sealed class StructMerge(IReadOnlyList<byte[]> inputs, BlockWriter blocks)
{
    private EncodedStruct _pending;
    private int _pendingInput = -1;
    private bool _hasPending;

    public void Run(MergeOrder order)
    {
        while (order.Next() is { } cursor)
        {
            var firstClient = cursor.Current.Client;
            if (!_hasPending)
            {
                Take(cursor);
            }
            else if (!Step(cursor, firstClient))
            {
                continue;
            }

            // Copy what follows directly in the same input.
            while (cursor.HasCurrent && cursor.Current.Client == firstClient && cursor.Current.Clock == _pending.EndClock)
            {
                WritePending();
                Take(cursor);
            }
        }

        if (_hasPending)
        {
            WritePending();
        }
    }

    /// <summary>One step with something pending; false when the inputs must be re-ordered first.</summary>
    private bool Step(MergeCursor cursor, ulong firstClient)
    {
        var iterated = false;
        var hasCurrent = true;

        // Pass over what was written already (higher clients come first).
        while (hasCurrent && cursor.Current.EndClock <= _pending.EndClock && cursor.Current.Client >= _pending.Client)
        {
            hasCurrent = cursor.MoveNext();
            iterated = true;
        }

        if (!hasCurrent || cursor.Current.Client != firstClient || (iterated && cursor.Current.Clock > _pending.EndClock))
        {
            return false;
        }

        var current = cursor.Current;
        if (firstClient != _pending.Client)
        {
            WritePending();
            Take(cursor);
        }
        else if (_pending.EndClock < current.Clock)
        {
            if (_pending.Kind == StructKind.Skip)
            {
                _pending.Length = current.EndClock - _pending.Clock;
            }
            else
            {
                WritePending();
                var gapStart = _pending.EndClock;
                _pending = new EncodedStruct { Kind = StructKind.Skip, Client = firstClient, Clock = gapStart, Length = current.Clock - gapStart, ParentSubStart = -1 };
                _pendingInput = -1;
            }
        }
        else
        {
            var overlap = _pending.EndClock - current.Clock;
            if (overlap > 0)
            {
                if (_pending.Kind == StructKind.Skip)
                {
                    _pending.Length = _pending.Length > overlap ? _pending.Length - overlap : 0;
                }
                else
                {
                    current.Clock += overlap;
                    current.Length -= overlap;
                    current.Cut += overlap;
                }
            }

            if (_pending.Kind == StructKind.Gc && current.Kind == StructKind.Gc)
            {
                // The input stays on the original struct: the next step passes over it.
                _pending.Length += current.Length;
            }
            else
            {
                WritePending();
                _pending = current;
                _pendingInput = cursor.Input;
                cursor.MoveNext();
            }
        }

        return true;
    }

    private void Take(MergeCursor cursor)
    {
        _pending = cursor.Current;
        _pendingInput = cursor.Input;
        _hasPending = true;
        cursor.MoveNext();
    }

    private void WritePending()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        var source = _pendingInput >= 0 ? inputs[_pendingInput] : [];
        StructWriter.Write(blocks.Begin(_pending.Client, _pending.Clock), _pending, source, 0);
    }
}
