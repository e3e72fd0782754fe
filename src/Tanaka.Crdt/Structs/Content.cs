namespace Tanaka.Crdt.Structs;

/// <summary>
/// The content of an Item. Contents are mutable only through <see cref="Splice"/> and
/// <see cref="TryAppend"/>, which the document uses when it splits or merges items.
/// Lengths are in clocks: elements for arrays, UTF-16 code units for strings.
/// </summary>
public abstract class Content
{
    public abstract ContentRef Ref { get; }

    /// <summary>How many clocks this content takes.</summary>
    public abstract ulong Length { get; }

    /// <summary>Whether the content counts towards the length of a sequence (all but Deleted and Format).</summary>
    public virtual bool Countable => true;

    /// <summary>Keeps the first <paramref name="offset"/> clocks here and returns the rest as new content.</summary>
    public abstract Content Splice(ulong offset);

    /// <summary>Appends <paramref name="right"/> to this content when both are of a kind that merges (Deleted, JSON, Any, String).</summary>
    public virtual bool TryAppend(Content right) => false;

    /// <summary>A deep enough copy that splicing the copy never changes this content.</summary>
    public abstract Content Copy();
}

/// <summary>Content that was deleted and garbage-collected: only its length remains.</summary>
public sealed class DeletedContent(ulong length) : Content
{
    public override ContentRef Ref => ContentRef.Deleted;

    public override ulong Length => DeletedLength;

    public ulong DeletedLength { get; private set; } = length;

    public override bool Countable => false;

    public override Content Splice(ulong offset)
    {
        var right = new DeletedContent(DeletedLength - offset);
        DeletedLength = offset;
        return right;
    }

    public override bool TryAppend(Content right)
    {
        if (right is not DeletedContent d)
        {
            return false;
        }

        DeletedLength += d.DeletedLength;
        return true;
    }

    public override Content Copy() => new DeletedContent(DeletedLength);
}

/// <summary>Legacy JSON content: each element is JSON text, or the literal <c>undefined</c>.</summary>
public sealed class JsonContent(List<string> elements) : Content
{
    public override ContentRef Ref => ContentRef.Json;

    public List<string> Elements { get; private set; } = elements;

    public override ulong Length => (ulong)Elements.Count;

    public override Content Splice(ulong offset)
    {
        var o = (int)offset;
        var right = new JsonContent(Elements.GetRange(o, Elements.Count - o));
        Elements.RemoveRange(o, Elements.Count - o);
        return right;
    }

    public override bool TryAppend(Content right)
    {
        if (right is not JsonContent j)
        {
            return false;
        }

        Elements.AddRange(j.Elements);
        return true;
    }

    public override Content Copy() => new JsonContent([.. Elements]);
}

/// <summary>A byte array (length 1).</summary>
public sealed class BinaryContent(byte[] bytes) : Content
{
    public override ContentRef Ref => ContentRef.Binary;

    public byte[] Bytes { get; } = bytes;

    public override ulong Length => 1;

    public override Content Splice(ulong offset) => throw new InvalidOperationException("Binary content cannot be split.");

    public override Content Copy() => new BinaryContent(Bytes);
}

/// <summary>An embed in text: a JSON value (length 1).</summary>
public sealed class EmbedContent(string json) : Content
{
    public override ContentRef Ref => ContentRef.Embed;

    public string Json { get; } = json;

    public override ulong Length => 1;

    public override Content Splice(ulong offset) => throw new InvalidOperationException("Embed content cannot be split.");

    public override Content Copy() => new EmbedContent(Json);
}

/// <summary>A text formatting attribute: key and JSON value (length 1, not countable).</summary>
public sealed class FormatContent(string key, string json) : Content
{
    public override ContentRef Ref => ContentRef.Format;

    public string Key { get; } = key;

    public string Json { get; } = json;

    public override ulong Length => 1;

    public override bool Countable => false;

    public override Content Splice(ulong offset) => throw new InvalidOperationException("Format content cannot be split.");

    public override Content Copy() => new FormatContent(Key, Json);
}

/// <summary>A nested shared type (length 1). <see cref="Type"/> is attached by the document that integrates it.</summary>
public sealed class TypeContent(TypeRef typeRef, string? nodeName) : Content
{
    public override ContentRef Ref => ContentRef.Type;

    public TypeRef TypeRef { get; } = typeRef;

    /// <summary>The node name of an XmlElement or XmlHook; null otherwise.</summary>
    public string? NodeName { get; } = nodeName;

    /// <summary>The live type inside a document; null in a decoded update.</summary>
    public Types.YType? Type { get; set; }

    public override ulong Length => 1;

    public override Content Splice(ulong offset) => throw new InvalidOperationException("Type content cannot be split.");

    public override Content Copy() => new TypeContent(TypeRef, NodeName);
}

/// <summary>Values in the Any encoding (see <see cref="Encoding.AnyObject"/> for the value model).</summary>
public sealed class AnyContent(List<object?> values) : Content
{
    public override ContentRef Ref => ContentRef.Any;

    public List<object?> Values { get; private set; } = values;

    public override ulong Length => (ulong)Values.Count;

    public override Content Splice(ulong offset)
    {
        var o = (int)offset;
        var right = new AnyContent(Values.GetRange(o, Values.Count - o));
        Values.RemoveRange(o, Values.Count - o);
        return right;
    }

    public override bool TryAppend(Content right)
    {
        if (right is not AnyContent a)
        {
            return false;
        }

        Values.AddRange(a.Values);
        return true;
    }

    public override Content Copy() => new AnyContent([.. Values]);
}

/// <summary>A subdocument reference (length 1): its guid and options.</summary>
public sealed class DocContent(string guid, object? options) : Content
{
    public override ContentRef Ref => ContentRef.Doc;

    public string Guid { get; } = guid;

    public object? Options { get; } = options;

    public override ulong Length => 1;

    public override Content Splice(ulong offset) => throw new InvalidOperationException("Doc content cannot be split.");

    public override Content Copy() => new DocContent(Guid, Options);
}
