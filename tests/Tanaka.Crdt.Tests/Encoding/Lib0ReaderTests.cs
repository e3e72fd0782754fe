using Tanaka.Crdt.Encoding;

namespace Tanaka.Crdt.Tests.Encoding;

/// <summary>Golden vectors from yjs-format.md section 2, and one row per malformed input.</summary>
public sealed class Lib0ReaderTests
{
    [Theory]
    [InlineData("00", 0UL)]
    [InlineData("7f", 127UL)]
    [InlineData("80 01", 128UL)]
    [InlineData("ac 02", 300UL)]
    [InlineData("ff ff ff ff 0f", 4294967295UL)]
    [InlineData("ff ff ff ff ff ff ff 0f", 9007199254740991UL)]
    [InlineData("80 00", 0UL)] // not minimal, but lib0 reads it
    public void VarUInt(string hex, ulong value)
    {
        var r = new Lib0Reader(Hex.Parse(hex));
        r.ReadVarUInt().ShouldBe(value);
        r.IsAtEnd.ShouldBeTrue();
    }

    [Theory]
    [InlineData("00", 0L, false)]
    [InlineData("40", 0L, true)]
    [InlineData("01", 1L, false)]
    [InlineData("41", -1L, true)]
    [InlineData("80 01", 64L, false)]
    [InlineData("c0 01", -64L, true)]
    [InlineData("c1 01", -65L, true)]
    [InlineData("bf ff ff ff 0f", 2147483647L, false)]
    public void VarInt(string hex, long value, bool negative)
    {
        var r = new Lib0Reader(Hex.Parse(hex));
        r.ReadVarInt(out var isNegative).ShouldBe(value);
        isNegative.ShouldBe(negative);
        r.IsAtEnd.ShouldBeTrue();
    }

    [Fact]
    public void Negative_zero_reads_as_negative_zero_number()
    {
        var r = new Lib0Reader(Hex.Parse("40"));
        double.IsNegative(r.ReadVarIntAsNumber()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("01 61", "a")]
    [InlineData("04 ef bb bf 61", "\ufeffa")] // the byte-order mark is kept
    [InlineData("07 61 62 f0 9f 98 80 63", "ab😀c")]
    public void String(string hex, string value)
    {
        var r = new Lib0Reader(Hex.Parse(hex));
        r.ReadString().ShouldBe(value);
        r.IsAtEnd.ShouldBeTrue();
    }

    [Fact]
    public void Any_values_decode_to_the_model()
    {
        Read("7d 01").ShouldBe(1.0);
        Read("7d 40").ShouldBeOfType<double>().ShouldSatisfyAllConditions(d => double.IsNegative(d).ShouldBeTrue());
        Read("7c 3f c0 00 00").ShouldBe(1.5);
        Read("7b 3f b9 99 99 99 99 99 9a").ShouldBe(0.1);
        Read("7a 00 00 00 00 00 00 00 0a").ShouldBe(10L);
        Read("77 01 61").ShouldBe("a");
        Read("75 02 78 7e").ShouldBe(new object?[] { true, null });
        Read("74 02 01 02").ShouldBe(new byte[] { 1, 2 });
        Read("7f").ShouldBeSameAs(Undefined.Value);
        Read("79").ShouldBe(false);
        Read("7e").ShouldBeNull();
    }

    [Fact]
    public void Any_object_keeps_javascript_key_order()
    {
        // Keys a, 2, b, a: "2" is an array index and comes first; the repeated "a" keeps its
        // first position and its last value.
        var obj = Read("76 04 01 61 7d 01 01 32 7d 02 01 62 7d 03 01 61 7d 04").ShouldBeOfType<AnyObject>();
        obj.Keys.ShouldBe(["2", "a", "b"]);
        obj["a"].ShouldBe(4.0);
    }

    [Fact]
    public void Any_object_drops_the_proto_key_as_javascript_does()
    {
        var obj = Read("76 02 09 5f 5f 70 72 6f 74 6f 5f 5f 7d 01 01 61 7d 02").ShouldBeOfType<AnyObject>();
        obj.Keys.ShouldBe(["a"]);
    }

    [Theory]
    [InlineData("", DecodeError.UnexpectedEnd)] // nothing to read
    [InlineData("80", DecodeError.UnexpectedEnd)] // var-uint cut after a continuation byte
    [InlineData("ff ff ff ff ff ff ff 10", DecodeError.VarIntOverflow)] // 2^53
    [InlineData("ff ff ff ff ff ff ff ff 01", DecodeError.VarIntOverflow)] // far beyond 2^53
    [InlineData("80 80 80 80 80 80 80 80 80 80 00", DecodeError.VarIntOverflow)] // more than 10 bytes
    public void Malformed_var_uint(string hex, DecodeError error)
    {
        Should.Throw<UpdateDecodeException>(() => new Lib0Reader(Hex.Parse(hex)).ReadVarUInt()).Error.ShouldBe(error);
    }

    [Theory]
    [InlineData("05 61 62", DecodeError.LengthExceedsInput)] // length beyond input
    [InlineData("ff ff ff ff 0f 61", DecodeError.LengthExceedsInput)] // 4 GB length, checked before allocating
    [InlineData("01 ff", DecodeError.InvalidUtf8)] // a byte that never occurs in UTF-8
    [InlineData("01 80", DecodeError.InvalidUtf8)] // a lone continuation byte
    [InlineData("02 c3", DecodeError.LengthExceedsInput)] // cut inside the string
    [InlineData("01 c3", DecodeError.InvalidUtf8)] // cut inside a sequence
    [InlineData("02 c0 80", DecodeError.InvalidUtf8)] // overlong NUL
    [InlineData("03 ed a0 80", DecodeError.InvalidUtf8)] // an encoded surrogate
    [InlineData("04 f4 90 80 80", DecodeError.InvalidUtf8)] // beyond U+10FFFF
    public void Malformed_string(string hex, DecodeError error)
    {
        Should.Throw<UpdateDecodeException>(() => new Lib0Reader(Hex.Parse(hex)).ReadString()).Error.ShouldBe(error);
    }

    [Theory]
    [InlineData("73", DecodeError.UnknownTag)] // tag 115, below the table
    [InlineData("80", DecodeError.UnknownTag)] // tag 128, above the table
    [InlineData("00", DecodeError.UnknownTag)] // tag 0
    [InlineData("7d", DecodeError.UnexpectedEnd)] // integer without its var-int
    [InlineData("7c 3f c0", DecodeError.LengthExceedsInput)] // float32 cut short
    [InlineData("7b 3f", DecodeError.LengthExceedsInput)] // float64 cut short
    [InlineData("7a 00 00", DecodeError.LengthExceedsInput)] // bigint cut short
    [InlineData("75 05 7e", DecodeError.LengthExceedsInput)] // array count beyond input
    [InlineData("75 ff ff ff ff 0f", DecodeError.LengthExceedsInput)] // huge array count, checked before allocating
    [InlineData("76 02 01 61 7e", DecodeError.LengthExceedsInput)] // object count beyond input
    [InlineData("76 01 01 61", DecodeError.UnexpectedEnd)] // object key without a value
    [InlineData("76 01 01 ff 7e", DecodeError.InvalidUtf8)] // invalid UTF-8 in a key
    [InlineData("74 03 01", DecodeError.LengthExceedsInput)] // byte array beyond input
    public void Malformed_any(string hex, DecodeError error)
    {
        Should.Throw<UpdateDecodeException>(() => new Lib0Reader(Hex.Parse(hex)).ReadAny(64)).Error.ShouldBe(error);
        var canonical = true;
        Should.Throw<UpdateDecodeException>(() => new Lib0Reader(Hex.Parse(hex)).SkipAny(64, ref canonical)).Error.ShouldBe(error);
    }

    [Fact]
    public void Any_nesting_is_capped()
    {
        // A million nested arrays in a few bytes would overflow the stack without the cap.
        var bytes = Enumerable.Repeat(new byte[] { 0x75, 0x01 }, 100_000).SelectMany(b => b).Append((byte)0x7e).ToArray();
        Should.Throw<UpdateDecodeException>(() => new Lib0Reader(bytes).ReadAny(64)).Error.ShouldBe(DecodeError.TooDeep);
        var canonical = true;
        Should.Throw<UpdateDecodeException>(() => new Lib0Reader(bytes).SkipAny(64, ref canonical)).Error.ShouldBe(DecodeError.TooDeep);
    }

    [Fact]
    public void Nesting_up_to_the_cap_is_accepted()
    {
        var bytes = Enumerable.Repeat(new byte[] { 0x75, 0x01 }, 3).SelectMany(b => b).Append((byte)0x7e).ToArray();
        new Lib0Reader(bytes).ReadAny(3).ShouldBeOfType<object?[]>();
        Should.Throw<UpdateDecodeException>(() => new Lib0Reader(bytes).ReadAny(2)).Error.ShouldBe(DecodeError.TooDeep);
    }

    [Fact]
    public void Errors_carry_the_offset()
    {
        var bytes = Hex.Parse("01 61 01 ff");
        var r = new Lib0Reader(bytes);
        r.ReadString();
        var error = Should.Throw<UpdateDecodeException>(() => new Lib0Reader(bytes[2..], 2).ReadString());
        error.Offset.ShouldBe(2);
    }

    private static object? Read(string hex)
    {
        var r = new Lib0Reader(Hex.Parse(hex));
        var value = r.ReadAny(64);
        r.IsAtEnd.ShouldBeTrue();
        return value;
    }
}
