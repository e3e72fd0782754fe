using Tanaka.Crdt;
using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Types;

namespace Tanaka.Server.Services;

/// <summary>
/// One value of the <c>tabs</c> or <c>windows</c> map read as a record of fields. The extension
/// writes either a nested Y.Map or a plain object; both read the same. Absent, null and
/// undefined fields all read as null.
/// </summary>
internal readonly struct DocumentEntry
{
    // DateTimeOffset.MaxValue (9999-12-31T23:59:59.999Z) in Unix milliseconds.
    private const double MaxUnixMilliseconds = 253_402_300_799_999;

    private readonly YMap? _map;
    private readonly AnyObject? _object;

    private DocumentEntry(YMap? map, AnyObject? anyObject)
    {
        _map = map;
        _object = anyObject;
    }

    public object? this[string field]
    {
        get
        {
            var value = _map is not null ? _map.Get(field) : _object!.TryGetValue(field, out var v) ? v : null;
            return value is Undefined ? null : value;
        }
    }

    public static bool TryFrom(object? value, out DocumentEntry entry)
    {
        entry = value switch
        {
            YMap map => new DocumentEntry(map, null),
            AnyObject anyObject => new DocumentEntry(null, anyObject),
            _ => default,
        };
        return value is YMap or AnyObject;
    }

    /// <summary>A string field (null when absent); false when it holds something else.</summary>
    public bool TryGetString(string field, out string? text)
    {
        var value = this[field];
        text = value as string;
        return value is null or string;
    }

    /// <summary>A boolean field (false when absent); false when it holds something else.</summary>
    public bool TryGetBool(string field, out bool flag)
    {
        var value = this[field];
        flag = value is true;
        return value is null or bool;
    }

    /// <summary>A non-negative integer field (null when absent), exact as a JavaScript number; false otherwise.</summary>
    public bool TryGetIndex(string field, out long? index)
    {
        index = null;
        switch (this[field])
        {
            case null:
                return true;
            case double d when d >= 0 && d <= Id.MaxSafeInteger && Math.Floor(d) == d:
                index = (long)d;
                return true;
            case long l when l >= 0:
                index = l;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A time in Unix milliseconds, as JavaScript's <c>Date.now()</c> (null when absent); false otherwise.</summary>
    public bool TryGetTimestamp(string field, out DateTimeOffset? time)
    {
        time = null;
        double milliseconds;
        switch (this[field])
        {
            case null:
                return true;
            case double d:
                milliseconds = d;
                break;
            case long l:
                milliseconds = l;
                break;
            default:
                return false;
        }

        if (!double.IsFinite(milliseconds) || milliseconds < 0 || milliseconds > MaxUnixMilliseconds)
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(milliseconds));
        return true;
    }
}
