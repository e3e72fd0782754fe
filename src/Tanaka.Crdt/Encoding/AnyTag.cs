namespace Tanaka.Crdt.Encoding;

/// <summary>The tag bytes of the lib0 Any encoding (they count down from 127).</summary>
internal static class AnyTag
{
    public const byte Undefined = 127;
    public const byte Null = 126;
    public const byte Integer = 125;
    public const byte Float32 = 124;
    public const byte Float64 = 123;
    public const byte BigInt = 122;
    public const byte False = 121;
    public const byte True = 120;
    public const byte String = 119;
    public const byte Object = 118;
    public const byte Array = 117;
    public const byte Bytes = 116;
}
