using Tanaka.Crdt.Tests.Encoding;

namespace Tanaka.Crdt.Tests.Document;

/// <summary>The document examples of yjs-format.md; every hex vector there was produced by yjs 13.6.33.</summary>
public sealed class SpecExampleTests
{
    [Fact]
    public void Overwritten_map_value_is_collected_and_encoded_as_yjs_does()
    {
        var doc = new YDoc(5);
        var tabs = doc.GetMap("tabs");
        tabs.Set("a", 1);
        tabs.Set("a", 2);

        Hex.Of(doc.EncodeStateAsUpdate()).ShouldBe("01 02 05 00 21 01 04 74 61 62 73 01 61 01 a8 05 00 01 7d 02 01 05 01 00 01");
        Hex.Of(doc.EncodeStateVector()).ShouldBe("01 05 02");
    }

    [Fact]
    public void Array_insert_delete_and_split_encode_as_yjs_does()
    {
        var doc = new YDoc(9);
        var list = doc.GetArray("list");

        Hex.Of(doc.Transact(() => list.Insert(0, 1, 2, 3))).ShouldBe("01 01 09 00 08 01 04 6c 69 73 74 03 7d 01 7d 02 7d 03 00");
        Hex.Of(doc.Transact(() => list.Delete(1, 1))).ShouldBe("00 01 09 01 01 01");
        Hex.Of(doc.EncodeStateAsUpdate()).ShouldBe("01 03 09 00 08 01 04 6c 69 73 74 01 7d 01 81 09 00 01 88 09 01 01 7d 03 01 09 01 01 01");
        Hex.Of(doc.EncodeStateVector()).ShouldBe("01 09 03");
        doc.ToJson().ToJsonString().ShouldBe("""{"list":[1,3]}""");
    }

    [Fact]
    public void Text_lengths_are_utf16_units()
    {
        var doc = new YDoc(7);
        var t = doc.GetText("t");

        Hex.Of(doc.Transact(() => t.Insert(0, "ab😀c"))).ShouldBe("01 01 07 00 04 01 01 74 07 61 62 f0 9f 98 80 63 00");
        t.Length.ShouldBe(5);
    }

    [Fact]
    public void Encoding_against_a_state_vector_cuts_a_string_inside_a_surrogate_pair()
    {
        var doc = new YDoc(7);
        doc.GetText("t").Insert(0, "ab😀c");

        Hex.Of(doc.EncodeStateAsUpdate(Hex.Parse("01 07 03"))).ShouldBe("01 01 07 03 84 07 02 04 ef bf bd 63 00");
    }

    [Fact]
    public void Splitting_a_surrogate_pair_replaces_both_halves()
    {
        var doc = new YDoc(7);
        var t = doc.GetText("t");
        t.Insert(0, "ab😀c");
        t.Insert(3, "x");

        t.ToString().ShouldBe("ab\ufffdx\ufffdc");
        t.Length.ShouldBe(6);
    }

    [Fact]
    public void Encoding_against_a_state_vector_writes_the_tail_of_a_merged_deleted_item()
    {
        var doc = new YDoc(5);
        var m = doc.GetMap("m");
        m.Set("a", 1);
        m.Set("a", 2);
        m.Set("a", 3);

        // The two overwritten values merged into one deleted item of length 2; from clock 1 on
        // only its tail is written, with origin (5,0) and the 0x20 bit kept.
        Hex.Of(doc.EncodeStateAsUpdate(Hex.Parse("01 05 01"))).ShouldStartWith("01 02 05 01 a1 05 00 01");
    }

    [Fact]
    public void A_document_with_pending_structs_encodes_them_merged_in()
    {
        var author = new YDoc(3);
        var m = author.GetMap("m");
        var x = author.Transact(() => m.Set("x", 1));
        author.Transact(() => m.Set("y", 2));
        var z = author.Transact(() => m.Set("z", 3));

        var doc = new YDoc(100);
        doc.ApplyUpdate(x);
        doc.ApplyUpdate(z);

        doc.HasPending.ShouldBeTrue();
        Hex.Of(doc.EncodeStateVector()).ShouldBe("01 03 01");
        Hex.Of(doc.EncodeStateAsUpdate()).ShouldBe("01 03 03 00 28 01 01 6d 01 78 01 7d 01 0a 01 28 01 01 6d 01 7a 01 7d 03 00");
    }
}
