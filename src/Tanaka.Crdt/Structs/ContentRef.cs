namespace Tanaka.Crdt.Structs;

/// <summary>The low five bits of a struct's info byte: which kind of struct or content follows.</summary>
public enum ContentRef : byte
{
    Gc = 0,
    Deleted = 1,
    Json = 2,
    Binary = 3,
    String = 4,
    Embed = 5,
    Format = 6,
    Type = 7,
    Any = 8,
    Doc = 9,
    Skip = 10,
}

/// <summary>The kind of a shared type carried by <see cref="TypeContent"/>.</summary>
public enum TypeRef
{
    Array = 0,
    Map = 1,
    Text = 2,
    XmlElement = 3,
    XmlFragment = 4,
    XmlHook = 5,
    XmlText = 6,
}
