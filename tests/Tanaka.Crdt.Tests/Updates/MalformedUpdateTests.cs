using Tanaka.Crdt.Tests.Encoding;
using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt.Tests.Updates;

/// <summary>
/// One row per kind of malformed update. Every entry point (decode, validate, merge, diff,
/// state vector) must reject it with the same typed error and nothing else.
/// </summary>
public sealed class MalformedUpdateTests
{
    [Theory]
    [InlineData("", DecodeError.UnexpectedEnd)] // empty input
    [InlineData("80", DecodeError.UnexpectedEnd)] // truncated var-uint (client count)
    [InlineData("00", DecodeError.UnexpectedEnd)] // no delete set
    [InlineData("00 00 00", DecodeError.TrailingBytes)] // a byte after the delete set
    [InlineData("01", DecodeError.LengthExceedsInput)] // a client block that cannot fit
    [InlineData("ff ff ff ff 0f 00", DecodeError.LengthExceedsInput)] // 4 billion client blocks
    [InlineData("01 ff ff ff ff 0f 05 00 00", DecodeError.LengthExceedsInput)] // struct count beyond input
    [InlineData("01 01 80 80 80 80 80 80 80 10 00 00 01 00", DecodeError.VarIntOverflow)] // client 2^53
    [InlineData("01 01 05 80 80 80 80 80 80 80 10 00 01 00", DecodeError.VarIntOverflow)] // clock 2^53
    [InlineData("01 01 05 ff ff ff ff ff ff ff 0f 00 01 00", DecodeError.Inconsistent)] // struct ends beyond 2^53 - 1
    [InlineData("01 01 05 00 00 00 00", DecodeError.Inconsistent)] // GC of length 0
    [InlineData("01 01 05 00 0b 01 00", DecodeError.UnknownTag)] // content ref 11
    [InlineData("01 01 05 00 1f 01 00", DecodeError.UnknownTag)] // content ref 31
    [InlineData("01 01 05 00 8b 05 00 01 00", DecodeError.UnknownTag)] // content ref 11 with origin
    [InlineData("01 01 05 00 2a 01 00", DecodeError.UnknownTag)] // Skip with the 0x20 bit
    [InlineData("01 01 05 00 8a 01 00", DecodeError.UnknownTag)] // Skip with the 0x80 bit
    [InlineData("01 01 05 00 88", DecodeError.UnexpectedEnd)] // item cut after its info byte
    [InlineData("01 01 05 00 88 80 80 80 80 80 80 80 10 00 01 7e 00", DecodeError.VarIntOverflow)] // origin client 2^53
    [InlineData("01 01 05 00 08 01 05 6d 01 7e 00", DecodeError.LengthExceedsInput)] // root name beyond input
    [InlineData("01 01 05 00 08 01 01 ff 01 7e 00", DecodeError.InvalidUtf8)] // root name not UTF-8
    [InlineData("01 01 05 00 28 01 01 6d 02 ed a0 01 7e 00", DecodeError.InvalidUtf8)] // key with a truncated surrogate encoding
    [InlineData("01 01 05 00 04 01 01 6d 01 ff 00", DecodeError.InvalidUtf8)] // string content not UTF-8
    [InlineData("01 01 05 00 04 01 01 6d 05 61 00", DecodeError.LengthExceedsInput)] // string content beyond input
    [InlineData("01 01 05 00 04 01 01 6d 00 00", DecodeError.Inconsistent)] // empty string content (length 0)
    [InlineData("01 01 05 00 08 01 01 6d 00 00", DecodeError.Inconsistent)] // Any content with no values
    [InlineData("01 01 05 00 08 01 01 6d 01 00 00", DecodeError.UnknownTag)] // Any tag 0
    [InlineData("01 01 05 00 08 01 01 6d 01 73 00", DecodeError.UnknownTag)] // Any tag 115
    [InlineData("01 01 05 00 08 01 01 6d 05 7e 00", DecodeError.LengthExceedsInput)] // Any count beyond input
    [InlineData("01 01 05 00 03 01 01 6d 09 01 00", DecodeError.LengthExceedsInput)] // binary beyond input
    [InlineData("01 01 05 00 07 01 01 6d 07 00", DecodeError.UnknownTag)] // type ref 7
    [InlineData("01 01 05 00 07 01 01 6d 03 05 61 00", DecodeError.LengthExceedsInput)] // XmlElement name beyond input
    [InlineData("01 01 05 00 02 01 01 6d 01 01 7b 00", DecodeError.Inconsistent)] // JSON content "{"
    [InlineData("01 01 05 00 05 01 01 6d 03 61 62 63 00", DecodeError.Inconsistent)] // embed "abc" is not JSON
    [InlineData("01 01 05 00 06 01 01 6d 01 62 00 00", DecodeError.Inconsistent)] // format value "" is not JSON
    [InlineData("01 01 05 00 09 01 01 6d 01 67 7e 00", DecodeError.Inconsistent)] // subdocument options null (Yjs throws)
    [InlineData("02 01 05 00 00 01 01 05 01 00 01 00", DecodeError.Inconsistent)] // client 5 in two blocks
    [InlineData("00 05 01", DecodeError.LengthExceedsInput)] // delete set client count beyond input
    [InlineData("00 01 05 01 00", DecodeError.LengthExceedsInput)] // delete range count beyond input
    [InlineData("00 01 05 02 00 01 03 81", DecodeError.UnexpectedEnd)] // delete range cut short
    [InlineData("00 01 05 01 ff ff ff ff ff ff ff 0f 01", DecodeError.Inconsistent)] // delete range beyond 2^53 - 1
    public void Is_rejected_everywhere(string hex, DecodeError error)
    {
        var update = Hex.Parse(hex);
        Should.Throw<UpdateDecodeException>(() => UpdateDecoder.Decode(update)).Error.ShouldBe(error);
        Should.Throw<UpdateDecodeException>(() => YUpdate.Validate(update)).Error.ShouldBe(error);
        Should.Throw<UpdateDecodeException>(() => YUpdate.Merge([update])).Error.ShouldBe(error);
        Should.Throw<UpdateDecodeException>(() => YUpdate.Merge([update, [0, 0]])).Error.ShouldBe(error);
        Should.Throw<UpdateDecodeException>(() => YUpdate.Merge([[0, 0], update])).Error.ShouldBe(error);
        Should.Throw<UpdateDecodeException>(() => YUpdate.Diff(update, [0])).Error.ShouldBe(error);
        Should.Throw<UpdateDecodeException>(() => YUpdate.EncodeStateVectorFromUpdate(update)).Error.ShouldBe(error);
    }

    [Fact]
    public void Any_content_nested_too_deeply_is_rejected()
    {
        var prefix = Hex.Parse("01 01 05 00 08 01 01 6d 01");
        var nested = Enumerable.Repeat(new byte[] { 0x75, 0x01 }, 100_000).SelectMany(b => b);
        var update = prefix.Concat(nested).Concat(new byte[] { 0x7e, 0x00 }).ToArray();
        Should.Throw<UpdateDecodeException>(() => UpdateDecoder.Decode(update)).Error.ShouldBe(DecodeError.TooDeep);
        Should.Throw<UpdateDecodeException>(() => YUpdate.Merge([update, [0, 0]])).Error.ShouldBe(DecodeError.TooDeep);
    }

    [Fact]
    public void Struct_and_delete_range_counts_are_capped()
    {
        var limits = new CrdtLimits { MaxStructs = 2, MaxDeleteRanges = 1 };
        var threeStructs = Hex.Parse("01 03 05 00 00 01 00 01 00 01 00");
        UpdateDecoder.Decode(threeStructs).Clients[0].Structs.Count.ShouldBe(3);
        Should.Throw<UpdateDecodeException>(() => UpdateDecoder.Decode(threeStructs, limits)).Error.ShouldBe(DecodeError.TooLarge);
        var twoRanges = Hex.Parse("00 01 05 02 00 01 03 01");
        Should.Throw<UpdateDecodeException>(() => YUpdate.Validate(twoRanges, limits)).Error.ShouldBe(DecodeError.TooLarge);
    }

    [Theory]
    [InlineData("", DecodeError.UnexpectedEnd)] // empty
    [InlineData("02 05 01", DecodeError.LengthExceedsInput)] // count beyond input
    [InlineData("01 05", DecodeError.LengthExceedsInput)] // an entry that cannot fit
    [InlineData("01 05 80", DecodeError.UnexpectedEnd)] // clock cut short
    [InlineData("01 05 01 00", DecodeError.TrailingBytes)] // a byte after the state vector
    [InlineData("01 80 80 80 80 80 80 80 10 01", DecodeError.VarIntOverflow)] // client 2^53
    public void Malformed_state_vectors_are_rejected(string hex, DecodeError error)
    {
        Should.Throw<UpdateDecodeException>(() => YUpdate.Diff([0, 0], Hex.Parse(hex))).Error.ShouldBe(error);
        Should.Throw<UpdateDecodeException>(() => StateVector.Decode(Hex.Parse(hex))).Error.ShouldBe(error);
    }
}
