namespace Tanaka.Crdt.Encoding;

/// <summary>
/// A JavaScript object decoded from the Any encoding (tag 118). Keys keep JavaScript's
/// enumeration order: canonical array-index keys ("0", "1", ...) first in ascending numeric
/// order, then the others in insertion order; a repeated key keeps its first position and
/// its last value.
/// </summary>
/// <remarks>
/// Any values in Tanaka.Crdt are represented as: <c>null</c>, <see cref="Undefined.Value"/>,
/// <see cref="bool"/>, <see cref="double"/> (every JavaScript number), <see cref="long"/>
/// (a BigInt, tag 122), <see cref="string"/>, <see cref="T:byte[]"/>, <see cref="T:object[]"/>
/// (an array) and <see cref="AnyObject"/>.
/// </remarks>
public sealed class AnyObject : IEnumerable<KeyValuePair<string, object?>>
{
    /// <summary>The key JavaScript treats as the prototype: an Any object decoded by Yjs never has it.</summary>
    public const string ProtoKey = "__proto__";

    private readonly List<string> _keys = [];
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);
    private bool _ordered = true;

    public int Count => _keys.Count;

    public object? this[string key]
    {
        get => _values[key];
        set => Set(key, value);
    }

    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

    /// <summary>Sets a key: a new key is added, an existing one keeps its position.</summary>
    public void Set(string key, object? value)
    {
        if (!_values.ContainsKey(key))
        {
            _keys.Add(key);
            if (IsArrayIndex(key))
            {
                _ordered = false;
            }
        }

        _values[key] = value;
    }

    /// <summary>The keys in JavaScript enumeration order.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            if (!_ordered)
            {
                SortKeys();
            }

            return _keys;
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        foreach (var key in Keys)
        {
            yield return new KeyValuePair<string, object?>(key, _values[key]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether a key is a canonical array index (0 .. 2^32 - 2 without leading zeros).</summary>
    public static bool IsArrayIndex(string key)
    {
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        ulong n = 0;
        foreach (var c in key)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            n = (n * 10) + (ulong)(c - '0');
        }

        return n < uint.MaxValue;
    }

    private void SortKeys()
    {
        var indices = _keys.Where(IsArrayIndex).OrderBy(k => ulong.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var others = _keys.Where(k => !IsArrayIndex(k)).ToList();
        _keys.Clear();
        _keys.AddRange(indices);
        _keys.AddRange(others);
        _ordered = true;
    }
}
