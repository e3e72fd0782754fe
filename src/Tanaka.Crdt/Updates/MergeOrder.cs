namespace Tanaka.Crdt.Updates;

/// <summary>
/// The order in which a merge visits its inputs. Yjs drops exhausted inputs and sorts the rest
/// before every step with <c>Array.prototype.sort</c> by (client descending, clock ascending).
/// Its comparator calls a GC and an Item at the same ID "smaller" both ways, so the winner of
/// such a tie depends on how V8 sorts. Below 64 inputs V8's TimSort is one run: a run count
/// followed by binary insertion, reproduced here step for step. From 64 inputs on only the head
/// moves between steps, so it is re-inserted with a stable binary search (an exact match for
/// every tie except GC-versus-Item, where both outcomes are valid; see yjs-format 5.4).
/// </summary>
internal sealed class MergeOrder
{
    private const int SingleRunLimit = 64;

    private readonly MergeCursor[] _cursors;
    private int _count;
    private bool _keySorted;

    public MergeOrder(IEnumerable<MergeCursor> cursors)
    {
        _cursors = [.. cursors];
        _count = _cursors.Length;
    }

    /// <summary>Drops exhausted inputs and sorts; returns the input to take from next, or null when all are done.</summary>
    public MergeCursor? Next()
    {
        var n = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_cursors[i].HasCurrent)
            {
                _cursors[n++] = _cursors[i];
            }
        }

        var headRemoved = n < _count;
        _count = n;
        if (n == 0)
        {
            return null;
        }

        if (n < SingleRunLimit)
        {
            SortLikeV8(_cursors.AsSpan(0, n));
            _keySorted = true;
        }
        else if (!_keySorted)
        {
            var sorted = _cursors.Take(n).OrderBy(c => c, KeyComparer.Instance).ToArray();
            sorted.CopyTo(_cursors, 0);
            _keySorted = true;
        }
        else if (!headRemoved)
        {
            ReinsertHead(_cursors.AsSpan(0, n));
        }

        return _cursors[0];
    }

    /// <summary>Yjs's comparator, inconsistency included.</summary>
    private static int Compare(MergeCursor a, MergeCursor b)
    {
        ref var x = ref a.Current;
        ref var y = ref b.Current;
        if (x.Client == y.Client)
        {
            if (x.Clock == y.Clock)
            {
                return x.Kind == y.Kind ? 0 : x.Kind == StructKind.Skip ? 1 : -1;
            }

            return x.Clock < y.Clock ? -1 : 1;
        }

        return y.Client < x.Client ? -1 : 1;
    }

    private static int CompareKeys(MergeCursor a, MergeCursor b)
    {
        ref var x = ref a.Current;
        ref var y = ref b.Current;
        if (x.Client != y.Client)
        {
            return y.Client < x.Client ? -1 : 1;
        }

        return x.Clock.CompareTo(y.Clock);
    }

    /// <summary>V8's TimSort for fewer than 64 elements: CountAndMakeRun, then BinaryInsertionSort.</summary>
    private static void SortLikeV8(Span<MergeCursor> a)
    {
        if (a.Length < 2)
        {
            return;
        }

        var run = 2;
        var descending = Compare(a[1], a[0]) < 0;
        var previous = a[1];
        for (var i = 2; i < a.Length; i++)
        {
            var order = Compare(a[i], previous);
            if (descending ? order >= 0 : order < 0)
            {
                break;
            }

            previous = a[i];
            run++;
        }

        if (descending)
        {
            a[..run].Reverse();
        }

        for (var start = run; start < a.Length; start++)
        {
            var pivot = a[start];
            int left = 0, right = start;
            while (left < right)
            {
                var mid = left + ((right - left) >> 1);
                if (Compare(pivot, a[mid]) < 0)
                {
                    right = mid;
                }
                else
                {
                    left = mid + 1;
                }
            }

            a[left..start].CopyTo(a[(left + 1)..(start + 1)]);
            a[left] = pivot;
        }
    }

    /// <summary>Moves the head after every element whose key is smaller (a stable sort of a list where only the head changed).</summary>
    private static void ReinsertHead(Span<MergeCursor> a)
    {
        var head = a[0];
        int left = 1, right = a.Length;
        while (left < right)
        {
            var mid = left + ((right - left) >> 1);
            if (CompareKeys(a[mid], head) < 0)
            {
                left = mid + 1;
            }
            else
            {
                right = mid;
            }
        }

        a[1..left].CopyTo(a[..(left - 1)]);
        a[left - 1] = head;
    }

    private sealed class KeyComparer : IComparer<MergeCursor>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(MergeCursor? x, MergeCursor? y) => CompareKeys(x!, y!);
    }
}
