using System.Text.Json;
using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;
using StringContent = Tanaka.Crdt.Structs.StringContent;

namespace Tanaka.Crdt.Document;

/// <summary>
/// The values an item's content shows to readers, in the Any value model (nested types as
/// their YMap/YArray/YText views), as Yjs's getContent does.
/// </summary>
internal static class ContentValues
{
    /// <summary>The value of a map entry: the last element of its content.</summary>
    public static object? Last(Content content) => content switch
    {
        AnyContent a => a.Values.Count == 0 ? null : a.Values[^1],
        JsonContent j => j.Elements.Count == 0 ? null : FromJsonText(j.Elements[^1]),
        StringContent s => s.Text.Length == 0 ? null : s.Text[^1].ToString(),
        _ => Single(content),
    };

    /// <summary>The <paramref name="index"/>-th element of a sequence item's content.</summary>
    public static object? At(Content content, int index) => content switch
    {
        AnyContent a => a.Values[index],
        JsonContent j => FromJsonText(j.Elements[index]),
        StringContent s => s.Text[index].ToString(),
        _ => Single(content),
    };

    private static object? Single(Content content) => content switch
    {
        BinaryContent b => b.Bytes,
        EmbedContent e => FromJsonText(e.Json),
        TypeContent t => t.Type,
        _ => null,
    };

    /// <summary>JSON text (ContentJSON, embeds) as an Any value; the literal <c>undefined</c> is undefined.</summary>
    public static object? FromJsonText(string json)
    {
        if (json == "undefined")
        {
            return Undefined.Value;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return FromElement(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object? FromElement(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var o = new AnyObject();
                foreach (var p in e.EnumerateObject())
                {
                    o.Set(p.Name, FromElement(p.Value));
                }

                return o;
            case JsonValueKind.Array:
                var a = new object?[e.GetArrayLength()];
                var i = 0;
                foreach (var v in e.EnumerateArray())
                {
                    a[i++] = FromElement(v);
                }

                return a;
            case JsonValueKind.String:
                return e.GetString();
            case JsonValueKind.Number:
                return e.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
