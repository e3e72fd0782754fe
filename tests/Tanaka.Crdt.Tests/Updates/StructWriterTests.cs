using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;
using Tanaka.Crdt.Tests.Encoding;
using Tanaka.Crdt.Updates;
using StringContent = Tanaka.Crdt.Structs.StringContent;

namespace Tanaka.Crdt.Tests.Updates;

/// <summary>Vectors from yjs-format.md 3.3 and 5.1 (written by yjs 13.6.33).</summary>
public sealed class StructWriterTests
{
    [Fact]
    public void Item_without_origins_writes_its_parent_and_key()
    {
        var w = new Lib0Writer();
        StructWriter.WriteItem(w, new Id(5, 0), 0, null, null, "tabs", null, "a", new DeletedContent(1));
        Hex.Of(w.WrittenSpan).ShouldBe("21 01 04 74 61 62 73 01 61 01");
    }

    [Fact]
    public void Item_with_origin_writes_no_parent_but_keeps_the_key_bit()
    {
        var w = new Lib0Writer();
        StructWriter.WriteItem(w, new Id(5, 1), 0, new Id(5, 0), null, null, null, "a", new AnyContent([2.0]));
        Hex.Of(w.WrittenSpan).ShouldBe("a8 05 00 01 7d 02");
    }

    [Fact]
    public void Tail_of_a_deleted_item_gets_its_own_previous_clock_as_origin()
    {
        // 5.1: client 5 set m.a three times; encodeStateAsUpdate(doc, {5: 1}) writes the tail
        // of the deleted item of length 2.
        var w = new Lib0Writer();
        StructWriter.WriteItem(w, new Id(5, 0), 1, null, null, "m", null, "a", new DeletedContent(2));
        Hex.Of(w.WrittenSpan).ShouldBe("a1 05 00 01");
    }

    [Fact]
    public void Tail_of_a_string_cut_inside_a_surrogate_pair_starts_with_a_replacement_character()
    {
        var w = new Lib0Writer();
        StructWriter.WriteItem(w, new Id(7, 0), 3, null, null, "t", null, null, new StringContent("ab😀c"));
        Hex.Of(w.WrittenSpan).ShouldBe("84 07 02 04 ef bf bd 63");
    }

    [Fact]
    public void Array_item_and_its_parts_as_in_the_array_example()
    {
        // 3.3: the array document after delete(1, 1) holds [1], a deleted item of length 1 and [3].
        var w = new Lib0Writer();
        StructWriter.WriteItem(w, new Id(9, 0), 0, null, null, "list", null, null, new AnyContent([1.0]));
        StructWriter.WriteItem(w, new Id(9, 1), 0, new Id(9, 0), null, null, null, null, new DeletedContent(1));
        StructWriter.WriteItem(w, new Id(9, 2), 0, new Id(9, 1), null, null, null, null, new AnyContent([3.0]));
        Hex.Of(w.WrittenSpan).ShouldBe("08 01 04 6c 69 73 74 01 7d 01 81 09 00 01 88 09 01 01 7d 03");
    }

    [Fact]
    public void Nested_parent_is_written_as_an_id()
    {
        var w = new Lib0Writer();
        StructWriter.WriteItem(w, new Id(11, 1), 0, null, null, null, new Id(11, 0), "k", new AnyContent(["v"]));
        Hex.Of(w.WrittenSpan).ShouldBe("28 00 0b 00 01 6b 01 77 01 76");
    }

    [Fact]
    public void Decoded_item_with_origin_loses_the_key_bit()
    {
        var decoded = UpdateDecoder.Decode(Hex.Parse("01 01 05 01 a8 05 00 01 7d 02 01 05 01 00 01"));
        var item = decoded.Clients[0].Structs[0].ShouldBeOfType<ItemStruct>();
        item.HasParentSubFlag.ShouldBeTrue();
        item.ParentSub.ShouldBeNull();
        var w = new Lib0Writer();
        StructWriter.WriteItem(w, item, 0);
        Hex.Of(w.WrittenSpan).ShouldBe("88 05 00 01 7d 02");
    }

    [Fact]
    public void Gc_and_skip()
    {
        var w = new Lib0Writer();
        StructWriter.WriteGc(w, 3);
        StructWriter.WriteSkip(w, 300);
        Hex.Of(w.WrittenSpan).ShouldBe("00 03 0a ac 02");
    }

    [Fact]
    public void Item_without_origin_or_parent_cannot_be_written()
    {
        Should.Throw<InvalidOperationException>(() =>
            StructWriter.WriteItem(new Lib0Writer(), new Id(1, 0), 0, null, null, null, null, null, new DeletedContent(1)));
    }
}
