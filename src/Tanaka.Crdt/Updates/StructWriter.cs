using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;
using StringContent = Tanaka.Crdt.Structs.StringContent;

namespace Tanaka.Crdt.Updates;

/// <summary>
/// Writes structs in update format v1, optionally only their tail starting <c>offset</c>
/// clocks in (yjs-format 5.1): the origin then becomes the struct's own previous clock and the
/// content is cut.
/// </summary>
public static class StructWriter
{
    private const byte OriginBit = 0x80;
    private const byte RightOriginBit = 0x40;
    private const byte ParentSubBit = 0x20;

    /// <summary>Writes a GC struct (info byte exactly 0).</summary>
    public static void WriteGc(Lib0Writer w, ulong length)
    {
        w.WriteU8((byte)ContentRef.Gc);
        w.WriteVarUInt(length);
    }

    /// <summary>Writes a Skip struct (info byte exactly 10).</summary>
    public static void WriteSkip(Lib0Writer w, ulong length)
    {
        w.WriteU8((byte)ContentRef.Skip);
        w.WriteVarUInt(length);
    }

    /// <summary>
    /// Writes one Item. The parent (root name or ID) and key are written only when, after
    /// applying the offset, the item has neither origin nor right origin.
    /// </summary>
    public static void WriteItem(
        Lib0Writer w,
        Id id,
        ulong offset,
        Id? origin,
        Id? rightOrigin,
        string? parentName,
        Id? parentId,
        string? parentSub,
        Content content)
    {
        if (offset > 0)
        {
            origin = new Id(id.Client, id.Clock + offset - 1);
        }

        var info = (byte)content.Ref;
        if (origin is not null)
        {
            info |= OriginBit;
        }

        if (rightOrigin is not null)
        {
            info |= RightOriginBit;
        }

        if (parentSub is not null)
        {
            info |= ParentSubBit;
        }

        w.WriteU8(info);
        if (origin is { } o)
        {
            WriteId(w, o);
        }

        if (rightOrigin is { } ro)
        {
            WriteId(w, ro);
        }

        if (origin is null && rightOrigin is null)
        {
            if (parentName is not null)
            {
                w.WriteVarUInt(1);
                w.WriteString(parentName);
            }
            else if (parentId is { } pid)
            {
                w.WriteVarUInt(0);
                WriteId(w, pid);
            }
            else
            {
                throw new InvalidOperationException($"Item {id} has no origin, right origin or parent to write.");
            }

            if (parentSub is not null)
            {
                w.WriteString(parentSub);
            }
        }

        WriteContent(w, content, offset);
    }

    /// <summary>
    /// Writes a decoded Item. Its 0x20 bit is set only if its key was decoded, i.e. it was
    /// written without origins (yjs-format 3.2, 5.4).
    /// </summary>
    public static void WriteItem(Lib0Writer w, ItemStruct item, ulong offset) =>
        WriteItem(w, item.Id, offset, item.Origin, item.RightOrigin, item.ParentName, item.ParentId, item.ParentSub, item.Content);

    /// <summary>Writes content from <paramref name="offset"/> on (only Deleted, JSON, String and Any can be cut).</summary>
    public static void WriteContent(Lib0Writer w, Content content, ulong offset)
    {
        switch (content)
        {
            case DeletedContent deleted:
                w.WriteVarUInt(deleted.DeletedLength - offset);
                break;
            case StringContent text:
                w.WriteString(offset == 0 ? text.Text : text.Text[(int)offset..]);
                break;
            case AnyContent any:
                w.WriteVarUInt((ulong)any.Values.Count - offset);
                for (var i = (int)offset; i < any.Values.Count; i++)
                {
                    w.WriteAny(any.Values[i]);
                }

                break;
            case JsonContent json:
                w.WriteVarUInt((ulong)json.Elements.Count - offset);
                for (var i = (int)offset; i < json.Elements.Count; i++)
                {
                    w.WriteString(json.Elements[i]);
                }

                break;
            case BinaryContent binary:
                w.WriteBytes(binary.Bytes);
                break;
            case EmbedContent embed:
                w.WriteString(embed.Json);
                break;
            case FormatContent format:
                w.WriteString(format.Key);
                w.WriteString(format.Json);
                break;
            case TypeContent type:
                w.WriteVarUInt((ulong)type.TypeRef);
                if (type.TypeRef is TypeRef.XmlElement or TypeRef.XmlHook)
                {
                    w.WriteString(type.NodeName ?? "");
                }

                break;
            case DocContent doc:
                w.WriteString(doc.Guid);
                w.WriteAny(doc.Options);
                break;
            default:
                throw new ArgumentException($"Unknown content {content.GetType()}", nameof(content));
        }
    }

    public static void WriteId(Lib0Writer w, Id id)
    {
        w.WriteVarUInt(id.Client);
        w.WriteVarUInt(id.Clock);
    }

    /// <summary>Writes a struct kept as positions in <paramref name="source"/>, from <paramref name="offset"/> on.</summary>
    internal static void Write(Lib0Writer w, in EncodedStruct s, ReadOnlySpan<byte> source, ulong offset)
    {
        switch (s.Kind)
        {
            case StructKind.Gc:
                WriteGc(w, s.Length - offset);
                return;
            case StructKind.Skip:
                WriteSkip(w, s.Length - offset);
                return;
        }

        var cut = s.Cut + offset;
        var hasOrigin = cut > 0 || s.HasOrigin;
        var info = (byte)s.Ref;
        if (hasOrigin)
        {
            info |= OriginBit;
        }

        if (s.HasRightOrigin)
        {
            info |= RightOriginBit;
        }

        if (s.HasParentSub)
        {
            info |= ParentSubBit;
        }

        w.WriteU8(info);
        if (hasOrigin)
        {
            WriteId(w, cut > 0 ? new Id(s.Client, s.Clock + offset - 1) : s.Origin);
        }

        if (s.HasRightOrigin)
        {
            WriteId(w, s.RightOrigin);
        }

        if (!hasOrigin && !s.HasRightOrigin)
        {
            if (s.ParentIsName)
            {
                w.WriteVarUInt(1);
                w.WriteStringUtf8(source.Slice(s.ParentNameStart, s.ParentNameLength));
            }
            else
            {
                w.WriteVarUInt(0);
                WriteId(w, s.ParentId);
            }

            if (s.HasParentSub)
            {
                w.WriteStringUtf8(source.Slice(s.ParentSubStart, s.ParentSubLength));
            }
        }

        WriteEncodedContent(w, s, source, offset, cut);
    }

    private static void WriteEncodedContent(Lib0Writer w, in EncodedStruct s, ReadOnlySpan<byte> source, ulong offset, ulong cut)
    {
        switch (s.Ref)
        {
            case ContentRef.Deleted:
                w.WriteVarUInt(s.Length - offset);
                break;
            case ContentRef.String:
                WriteStringTail(w, source.Slice(s.ContentStart, s.ContentLength), cut);
                break;
            case ContentRef.Any:
                {
                    w.WriteVarUInt(s.Length - offset);
                    var values = s.Canonical ?? source.Slice(s.ContentStart, s.ContentLength);
                    w.WriteRaw(cut == 0 ? values : AnyValuesAfter(values, cut));
                    break;
                }

            case ContentRef.Json:
                {
                    w.WriteVarUInt(s.Length - offset);
                    var elements = (ReadOnlySpan<byte>)s.Canonical;
                    if (cut > 0)
                    {
                        var reader = new Lib0Reader(elements);
                        for (ulong i = 0; i < cut; i++)
                        {
                            reader.ReadBytes();
                        }

                        elements = elements[reader.Position..];
                    }

                    w.WriteRaw(elements);
                    break;
                }

            case ContentRef.Binary:
                w.WriteBytes(source.Slice(s.ContentStart, s.ContentLength));
                break;
            case ContentRef.Type when s.Canonical is null:
                w.WriteVarUInt((ulong)s.ContentStart);
                break;
            default:
                w.WriteRaw(s.Canonical);
                break;
        }
    }

    private static ReadOnlySpan<byte> AnyValuesAfter(ReadOnlySpan<byte> values, ulong count)
    {
        var reader = new Lib0Reader(values);
        var canonical = true;
        for (ulong i = 0; i < count; i++)
        {
            reader.SkipAny(int.MaxValue, ref canonical);
        }

        return values[reader.Position..];
    }

    /// <summary>
    /// Writes a string without its first <paramref name="units"/> UTF-16 code units. A cut inside
    /// a surrogate pair leaves a lone low surrogate, which UTF-8 encoding turns into U+FFFD.
    /// </summary>
    private static void WriteStringTail(Lib0Writer w, ReadOnlySpan<byte> utf8, ulong units)
    {
        if (units == 0)
        {
            w.WriteStringUtf8(utf8);
            return;
        }

        var i = 0;
        while (units > 0)
        {
            var lead = utf8[i];
            var size = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
            if (size == 4 && units == 1)
            {
                var rest = utf8[(i + 4)..];
                w.WriteVarUInt((ulong)(3 + rest.Length));
                w.WriteRaw("\uFFFD"u8);
                w.WriteRaw(rest);
                return;
            }

            units -= size == 4 ? 2UL : 1UL;
            i += size;
        }

        w.WriteStringUtf8(utf8[i..]);
    }
}
