using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;
using StringContent = Tanaka.Crdt.Structs.StringContent;

namespace Tanaka.Crdt.Updates;

/// <summary>Decodes whole updates, validating everything before returning anything.</summary>
public static class UpdateDecoder
{
    /// <summary>Decodes a v1 update completely, or throws <see cref="UpdateDecodeException"/>.</summary>
    public static DecodedUpdate Decode(ReadOnlySpan<byte> update, CrdtLimits? limits = null)
    {
        limits ??= CrdtLimits.Default;
        var reader = new UpdateReader(update, limits);
        var result = new DecodedUpdate();
        List<UpdateStruct>? structs = null;
        ulong client = 0;
        while (reader.TryRead(out var s))
        {
            if (structs is null || s.Client != client)
            {
                client = s.Client;
                structs = new List<UpdateStruct>(reader.StructsLeftInBlock + 1);
                result.Clients.Add((client, structs));
            }

            structs.Add(ToUpdateStruct(s, update, limits));
        }

        result.DeleteSet = reader.ReadDeleteSet();
        return result;
    }

    /// <summary>Decodes a v2 update completely (yjs-format 10), or throws <see cref="UpdateDecodeException"/>.</summary>
    public static DecodedUpdate DecodeV2(ReadOnlySpan<byte> update, CrdtLimits? limits = null) =>
        new V2UpdateReader(update, limits ?? CrdtLimits.Default).Read();

    /// <summary>Builds the object form of a validated struct.</summary>
    internal static UpdateStruct ToUpdateStruct(in EncodedStruct s, ReadOnlySpan<byte> source, CrdtLimits limits)
    {
        var id = new Id(s.Client, s.Clock);
        switch (s.Kind)
        {
            case StructKind.Gc:
                return new GcStruct(id, s.Length);
            case StructKind.Skip:
                return new SkipStruct(id, s.Length);
        }

        var item = new ItemStruct(id, ToContent(s, source, limits))
        {
            HasParentSubFlag = s.ParentSubFlag,
        };
        if (s.HasOrigin)
        {
            item.Origin = s.Origin;
        }

        if (s.HasRightOrigin)
        {
            item.RightOrigin = s.RightOrigin;
        }

        if (s.HasParent)
        {
            if (s.ParentIsName)
            {
                item.ParentName = Utf8Text.Decode(source.Slice(s.ParentNameStart, s.ParentNameLength), s.ParentNameStart);
            }
            else
            {
                item.ParentId = s.ParentId;
            }

            if (s.HasParentSub)
            {
                item.ParentSub = Utf8Text.Decode(source.Slice(s.ParentSubStart, s.ParentSubLength), s.ParentSubStart);
            }
        }

        return item;
    }

    private static Content ToContent(in EncodedStruct s, ReadOnlySpan<byte> source, CrdtLimits limits)
    {
        switch (s.Ref)
        {
            case ContentRef.Deleted:
                return new DeletedContent(s.Length);
            case ContentRef.String:
                return new StringContent(Utf8Text.Decode(source.Slice(s.ContentStart, s.ContentLength), s.ContentStart));
            case ContentRef.Binary:
                return new BinaryContent(source.Slice(s.ContentStart, s.ContentLength).ToArray());
            case ContentRef.Any:
                {
                    var reader = new Lib0Reader(s.Canonical ?? source.Slice(s.ContentStart, s.ContentLength));
                    var values = new List<object?>((int)s.Length);
                    for (ulong i = 0; i < s.Length; i++)
                    {
                        values.Add(reader.ReadAny(limits.MaxAnyDepth));
                    }

                    return new AnyContent(values);
                }

            case ContentRef.Type when s.Canonical is null:
                return new TypeContent((TypeRef)s.ContentStart, null);
        }

        var body = new Lib0Reader(s.Canonical);
        switch (s.Ref)
        {
            case ContentRef.Json:
                {
                    var elements = new List<string>((int)s.Length);
                    for (ulong i = 0; i < s.Length; i++)
                    {
                        elements.Add(body.ReadString());
                    }

                    return new JsonContent(elements);
                }

            case ContentRef.Embed:
                return new EmbedContent(body.ReadString());
            case ContentRef.Format:
                {
                    var key = body.ReadString();
                    return new FormatContent(key, body.ReadString());
                }

            case ContentRef.Type:
                {
                    var typeRef = (TypeRef)body.ReadVarUInt();
                    return new TypeContent(typeRef, body.ReadString());
                }

            default:
                {
                    var guid = body.ReadString();
                    return new DocContent(guid, body.ReadAny(limits.MaxAnyDepth));
                }
        }
    }
}
