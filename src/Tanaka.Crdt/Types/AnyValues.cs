using System.Collections;
using Tanaka.Crdt.Encoding;

namespace Tanaka.Crdt.Types;

/// <summary>
/// Converts values handed to local edits into the Any value model: every .NET number becomes a
/// JavaScript number (double), dictionaries become objects, other enumerables arrays.
/// </summary>
internal static class AnyValues
{
    public static object? From(object? value, int depthLimit)
    {
        if (depthLimit < 0)
        {
            throw new ArgumentException("The value is nested too deeply (or contains itself).", nameof(value));
        }

        switch (value)
        {
            case null:
            case Undefined:
            case bool:
            case double:
            case string:
                return value;
            case int or long or short or sbyte or byte or uint or ulong or ushort or float or decimal:
                return Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            case byte[] bytes:
                return bytes.ToArray();
            case AnyObject obj:
                var copy = new AnyObject();
                foreach (var (k, v) in obj)
                {
                    copy.Set(k, From(v, depthLimit - 1));
                }

                return copy;
            case IDictionary<string, object?> dict:
                var o = new AnyObject();
                foreach (var (k, v) in dict)
                {
                    o.Set(k, From(v, depthLimit - 1));
                }

                return o;
            case YType:
                throw new ArgumentException("A shared type cannot be stored as a value; use SetMap/SetArray/SetText or InsertMap.", nameof(value));
            case IEnumerable items:
                var list = new List<object?>();
                foreach (var v in items)
                {
                    list.Add(From(v, depthLimit - 1));
                }

                return list.ToArray();
            default:
                throw new ArgumentException($"Values of type {value.GetType()} cannot be stored in a document.", nameof(value));
        }
    }
}
