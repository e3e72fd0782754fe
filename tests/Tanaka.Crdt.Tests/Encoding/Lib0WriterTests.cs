using Tanaka.Crdt.Encoding;

namespace Tanaka.Crdt.Tests.Encoding;

/// <summary>Golden vectors from yjs-format.md section 2 (produced by lib0 0.2 / yjs 13.6.33).</summary>
public sealed class Lib0WriterTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "80 01")]
    [InlineData(300UL, "ac 02")]
    [InlineData(4294967295UL, "ff ff ff ff 0f")]
    [InlineData(9007199254740991UL, "ff ff ff ff ff ff ff 0f")]
    public void VarUInt(ulong value, string hex)
    {
        var w = new Lib0Writer();
        w.WriteVarUInt(value);
        Hex.Of(w.WrittenSpan).ShouldBe(hex);
    }

    [Theory]
    [InlineData(0L, "00")]
    [InlineData(1L, "01")]
    [InlineData(-1L, "41")]
    [InlineData(63L, "3f")]
    [InlineData(64L, "80 01")]
    [InlineData(-64L, "c0 01")]
    [InlineData(-65L, "c1 01")]
    [InlineData(2147483647L, "bf ff ff ff 0f")]
    public void VarInt(long value, string hex)
    {
        var w = new Lib0Writer();
        w.WriteVarInt(value);
        Hex.Of(w.WrittenSpan).ShouldBe(hex);
    }

    [Fact]
    public void VarInt_negative_zero()
    {
        var w = new Lib0Writer();
        w.WriteVarInt(0, negative: true);
        Hex.Of(w.WrittenSpan).ShouldBe("40");
    }

    [Theory]
    [InlineData("", "00")]
    [InlineData("a", "01 61")]
    [InlineData("\ufeffa", "04 ef bb bf 61")] // a byte-order mark is an ordinary character
    [InlineData("ab😀c", "07 61 62 f0 9f 98 80 63")]
    public void String(string value, string hex)
    {
        var w = new Lib0Writer();
        w.WriteString(value);
        Hex.Of(w.WrittenSpan).ShouldBe(hex);
    }

    [Fact]
    public void Lone_surrogate_becomes_a_replacement_character()
    {
        var w = new Lib0Writer();
        w.WriteString("\ud83d");
        w.WriteString(new string('x', 50) + "\ude00");
        Hex.Of(w.WrittenSpan[..4]).ShouldBe("03 ef bf bd");
        Hex.Of(w.WrittenSpan[^4..]).ShouldBe("78 ef bf bd");
    }

    [Fact]
    public void Long_string_has_a_multi_byte_length()
    {
        var w = new Lib0Writer();
        w.WriteString(new string('é', 100));
        Hex.Of(w.WrittenSpan[..2]).ShouldBe("c8 01");
        w.Length.ShouldBe(202);
    }

    public static TheoryData<object?, string> AnyVectors() => new()
    {
        { 1.0, "7d 01" },
        { -1.0, "7d 41" },
        { -0.0, "7d 40" },
        { 1.5, "7c 3f c0 00 00" },
        { 0.1, "7b 3f b9 99 99 99 99 99 9a" },
        { 2147483648.0, "7c 4f 00 00 00" },
        { 1099511627776.0, "7c 53 80 00 00" },
        { 1700000000001.0, "7b 42 78 bc fe 56 80 10 00" },
        { double.PositiveInfinity, "7c 7f 80 00 00" },
        { BitConverter.Int64BitsToDouble(0x7ff8000000000000), "7b 7f f8 00 00 00 00 00 00" },
        { "a", "77 01 61" },
        { new object?[] { true, null }, "75 02 78 7e" },
        { new byte[] { 1, 2 }, "74 02 01 02" },
        { Undefined.Value, "7f" },
        { false, "79" },
        { true, "78" },
        { null, "7e" },
        { 10L, "7a 00 00 00 00 00 00 00 0a" },
    };

    [Theory]
    [MemberData(nameof(AnyVectors))]
    public void Any(object? value, string hex)
    {
        var w = new Lib0Writer();
        w.WriteAny(value);
        Hex.Of(w.WrittenSpan).ShouldBe(hex);
    }

    [Fact]
    public void Any_object_lists_array_index_keys_first()
    {
        // {a:1, 2:2, b:3} in JavaScript enumerates "2" first.
        var obj = new AnyObject { ["a"] = 1.0, ["2"] = 2.0, ["b"] = 3.0 };
        var w = new Lib0Writer();
        w.WriteAny(obj);
        Hex.Of(w.WrittenSpan).ShouldBe("76 03 01 32 7d 02 01 61 7d 01 01 62 7d 03");
    }

    [Fact]
    public void Fixed_width_numbers_are_big_endian()
    {
        var w = new Lib0Writer();
        w.WriteF32(1.5f);
        w.WriteF64(0.1);
        w.WriteI64(-2);
        Hex.Of(w.WrittenSpan).ShouldBe("3f c0 00 00 3f b9 99 99 99 99 99 9a ff ff ff ff ff ff ff fe");
    }

    [Fact]
    public void Grows_beyond_its_initial_capacity()
    {
        var w = new Lib0Writer(16);
        for (var i = 0; i < 1000; i++)
        {
            w.WriteVarUInt((ulong)i);
        }

        var r = new Lib0Reader(w.WrittenSpan);
        for (var i = 0; i < 1000; i++)
        {
            r.ReadVarUInt().ShouldBe((ulong)i);
        }

        r.IsAtEnd.ShouldBeTrue();
    }
}
