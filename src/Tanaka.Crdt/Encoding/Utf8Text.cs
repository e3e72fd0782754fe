using System.Text;

namespace Tanaka.Crdt.Encoding;

/// <summary>Strict UTF-8 as lib0 reads it: invalid sequences are malformed input, a BOM is kept.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Lone surrogates become U+FFFD, as JavaScript's TextEncoder does.</summary>
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static string Decode(ReadOnlySpan<byte> bytes, long offset)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (ArgumentException)
        {
            throw Invalid(offset);
        }
    }

    /// <summary>Validates the bytes and counts their UTF-16 code units.</summary>
    public static int CountUtf16(ReadOnlySpan<byte> bytes, long offset)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Lenient.GetCharCount(bytes);
        }

        throw Invalid(offset);
    }

    public static int GetByteCount(string text) => Lenient.GetByteCount(text);

    public static int GetBytes(string text, Span<byte> destination) => Lenient.GetBytes(text, destination);

    private static UpdateDecodeException Invalid(long offset) =>
        new(DecodeError.InvalidUtf8, "A string is not valid UTF-8", offset);
}
