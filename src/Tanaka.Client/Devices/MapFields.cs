using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Types;

namespace Tanaka.Client.Devices;

/// <summary>
/// Field access shared by tabs and windows. An entry may be a nested map (what this client
/// writes) or a plain object (what another writer may have chosen), so reads accept both;
/// writes skip a field that already holds the value, so a no-op edit adds nothing to an update.
/// </summary>
internal static class MapFields
{
    public static bool IsEntry(object? value) => value is YMap or AnyObject;

    public static object? Get(object entry, string key) => entry switch
    {
        YMap map => map.Get(key),
        AnyObject obj => obj.TryGetValue(key, out var value) ? value : null,
        _ => null,
    };

    /// <summary>Sets the field unless it already holds the value; null removes it.</summary>
    public static void Set(YMap map, string key, object? value)
    {
        if (value is null)
        {
            if (map.ContainsKey(key))
            {
                map.Delete(key);
            }

            return;
        }

        if (!Same(map.Get(key), value))
        {
            map.Set(key, value);
        }
    }

    /// <summary>Every JavaScript number is a double in the document; .NET integers compare by value.</summary>
    public static double? Number(object? value) => value switch
    {
        double d => d,
        long l => l,
        int i => i,
        _ => null,
    };

    private static bool Same(object? current, object value) => value switch
    {
        string s => current is string c && string.Equals(c, s, StringComparison.Ordinal),
        bool b => current is bool c && c == b,
        long or int or double => Number(current) is { } c && c == Number(value),
        _ => false,
    };
}
