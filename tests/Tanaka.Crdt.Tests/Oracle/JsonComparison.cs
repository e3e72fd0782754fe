using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tanaka.Crdt.Tests.Oracle;

/// <summary>
/// Compares JSON as Yjs's toJSON results must be compared: objects as unordered (key order
/// depends on arrival order), arrays in order, numbers by value. Expected strings holding a lone
/// surrogate come as { "$utf16": [code units] } (see gen-docs.mjs).
/// </summary>
internal static class JsonComparison
{
    /// <summary>Null when equal, else the path of the first difference.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }

        switch (expected)
        {
            case JsonObject { Count: 1 } lone when lone["$utf16"] is JsonArray units:
                // A string with a lone surrogate, which JSON readers refuse: given as UTF-16 code units.
                var text = new string(units.Select(u => (char)(int)u!).ToArray());
                return actual is JsonValue sv && sv.GetValueKind() == JsonValueKind.String && sv.GetValue<string>() == text
                    ? null
                    : $"{path}: expected the UTF-16 units [{string.Join(",", units)}], got {Show(actual)}";
            case JsonObject eo:
                if (actual is not JsonObject ao)
                {
                    return $"{path}: expected an object, got {Show(actual)}";
                }

                if (eo.Count != ao.Count)
                {
                    return $"{path}: expected keys [{string.Join(",", eo.Select(p => p.Key))}], got [{string.Join(",", ao.Select(p => p.Key))}]";
                }

                foreach (var (key, value) in eo)
                {
                    if (!ao.TryGetPropertyValue(key, out var other))
                    {
                        return $"{path}: missing key {key}";
                    }

                    if (Difference(value, other, $"{path}.{key}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonArray ea:
                if (actual is not JsonArray aa)
                {
                    return $"{path}: expected an array, got {Show(actual)}";
                }

                if (ea.Count != aa.Count)
                {
                    return $"{path}: expected {ea.Count} elements, got {aa.Count}: {Show(actual)}";
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    if (Difference(ea[i], aa[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            default:
                var ev = expected.AsValue();
                if (actual is not JsonValue av || ev.GetValueKind() != av.GetValueKind())
                {
                    return $"{path}: expected {Show(expected)}, got {Show(actual)}";
                }

                var same = ev.GetValueKind() switch
                {
                    JsonValueKind.Number => ev.GetValue<double>() == av.GetValue<double>(),
                    JsonValueKind.String => ev.GetValue<string>() == av.GetValue<string>(),
                    _ => true,
                };
                return same ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    private static string Show(JsonNode? n) => n is null ? "null" : n.ToJsonString();
}
