using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;
using Tanaka.Crdt.Types;
using StringContent = Tanaka.Crdt.Structs.StringContent;

namespace Tanaka.Crdt.Document;

/// <summary>
/// Renders types and values the way Yjs's toJSON shows them (yjs-format 9). Values JSON lacks:
/// byte arrays become base64 strings, BigInt a number, undefined and non-finite numbers null.
/// </summary>
internal static class JsonRendering
{
    public static JsonObject Map(Branch branch)
    {
        var o = new JsonObject();
        if (!branch.HasMapEntries)
        {
            return o;
        }

        foreach (var (key, item) in branch.Map)
        {
            if (!item.Deleted)
            {
                o[key] = LastValue(item.Content);
            }
        }

        return o;
    }

    public static JsonArray Array(Branch branch)
    {
        var a = new JsonArray();
        for (var item = branch.Start; item is not null; item = item.Right)
        {
            if (!item.Deleted && item.Countable)
            {
                AddValues(a, item.Content);
            }
        }

        return a;
    }

    public static string Text(Branch branch)
    {
        var sb = new StringBuilder();
        for (var item = branch.Start; item is not null; item = item.Right)
        {
            if (!item.Deleted && item.Countable && item.Content is StringContent s)
            {
                sb.Append(s.Text);
            }
        }

        return sb.ToString();
    }

    /// <summary>A root nobody asked for with a kind: a map if it has keys, text if all it holds is text, else an array; null when it holds nothing.</summary>
    public static JsonNode? Inferred(Branch branch)
    {
        if (branch.HasMapEntries)
        {
            return Map(branch);
        }

        if (branch.Start is null)
        {
            return null;
        }

        for (var item = branch.Start; item is not null; item = item.Right)
        {
            if (!item.Deleted && item.Countable && item.Content is not StringContent)
            {
                return Array(branch);
            }
        }

        return JsonValue.Create(Text(branch));
    }

    public static JsonNode? Type(YType type) => type.Branch.Kind switch
    {
        TypeRef.Map => Map(type.Branch),
        TypeRef.Array => Array(type.Branch),
        TypeRef.Text => JsonValue.Create(Text(type.Branch)),
        TypeRef.XmlText => JsonValue.Create(Text(type.Branch)),
        null => Inferred(type.Branch),
        _ => Array(type.Branch),
    };

    /// <summary>The value a map entry shows: the last element of its content.</summary>
    private static JsonNode? LastValue(Content content) => content switch
    {
        AnyContent a => a.Values.Count == 0 ? null : Any(a.Values[^1]),
        JsonContent j => j.Elements.Count == 0 ? null : JsonElementText(j.Elements[^1]),
        StringContent s => s.Text.Length == 0 ? null : JsonValue.Create(s.Text[^1].ToString()),
        _ => SingleValue(content),
    };

    private static void AddValues(JsonArray into, Content content)
    {
        switch (content)
        {
            case AnyContent a:
                foreach (var v in a.Values)
                {
                    into.Add(Any(v));
                }

                break;
            case JsonContent j:
                foreach (var e in j.Elements)
                {
                    into.Add(JsonElementText(e));
                }

                break;
            case StringContent s:
                foreach (var c in s.Text)
                {
                    into.Add((JsonNode)JsonValue.Create(c.ToString()));
                }

                break;
            default:
                into.Add(SingleValue(content));
                break;
        }
    }

    private static JsonNode? SingleValue(Content content) => content switch
    {
        BinaryContent b => JsonValue.Create(Convert.ToBase64String(b.Bytes)),
        EmbedContent e => JsonElementText(e.Json),
        TypeContent { Type: { } t } => Type(t),
        DocContent => new JsonObject(),
        _ => null,
    };

    /// <summary>An Any value as JSON.</summary>
    public static JsonNode? Any(object? value)
    {
        switch (value)
        {
            case null:
            case Undefined:
                return null;
            case bool b:
                return JsonValue.Create(b);
            case double d:
                return double.IsFinite(d) ? JsonValue.Create(d == 0 ? 0d : d) : null;
            case long l:
                return JsonValue.Create(l);
            case string s:
                return JsonValue.Create(s);
            case byte[] bytes:
                return JsonValue.Create(Convert.ToBase64String(bytes));
            case object?[] array:
                var a = new JsonArray();
                foreach (var v in array)
                {
                    a.Add(Any(v));
                }

                return a;
            case AnyObject obj:
                var o = new JsonObject();
                foreach (var (k, v) in obj)
                {
                    o[k] = Any(v);
                }

                return o;
            case YType t:
                return Type(t);
            default:
                return null;
        }
    }

    private static JsonNode? JsonElementText(string json)
    {
        if (json == "undefined")
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }
}
