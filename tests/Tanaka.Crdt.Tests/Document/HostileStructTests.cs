using Tanaka.Crdt.Tests.Encoding;
using static Tanaka.Crdt.Tests.Document.UpdateBuilder;
using StringContent = Tanaka.Crdt.Structs.StringContent;

namespace Tanaka.Crdt.Tests.Document;

/// <summary>
/// Well-formed updates that describe impossible things: the document must not crash and must
/// stay sane (such items become GC structs, as Yjs does when an item has no live parent).
/// </summary>
public sealed class HostileStructTests
{
    [Fact]
    public void An_item_whose_parent_id_names_text_becomes_a_gc_struct()
    {
        var doc = new YDoc(100);
        doc.ApplyUpdate(new UpdateBuilder().Block(1, 0).Item(new StringContent("abc"), parentName: "t").Build());

        var result = doc.ApplyUpdate(new UpdateBuilder().Block(2, 0).Item(Any(5), parentId: new Id(1, 1), key: "k").Build());

        result.Changed.ShouldBeTrue();
        Hex.Of(doc.EncodeStateVector()).ShouldBe("02 02 01 01 03");
        doc.GetText("t").ToString().ShouldBe("abc");
        // client 2's block is a GC struct of length 1, and it counts as deleted
        Hex.Of(doc.EncodeStateAsUpdate(Hex.Parse("01 01 03"))).ShouldBe("01 01 02 00 00 01 01 02 01 00 01");
    }

    [Theory]
    [InlineData("origin")]
    [InlineData("rightOrigin")]
    [InlineData("parent")]
    public void A_reference_to_a_future_clock_of_the_same_client_becomes_a_gc_struct(string reference)
    {
        var doc = new YDoc(100);
        var future = new Id(1, 7);
        var b = new UpdateBuilder().Block(1, 0);
        b = reference switch
        {
            "origin" => b.Item(Any(1), origin: future),
            "rightOrigin" => b.Item(Any(1), rightOrigin: future),
            _ => b.Item(Any(1), parentId: future, key: "k"),
        };

        doc.ApplyUpdate(b.Build());

        Hex.Of(doc.EncodeStateAsUpdate()).ShouldBe("01 01 01 00 00 01 01 01 01 00 01");
    }

    [Fact]
    public void Types_nested_deeper_than_the_limit_are_not_integrated()
    {
        var doc = new YDoc(100, new CrdtLimits { MaxTypeDepth = 3 });
        var b = new UpdateBuilder().Block(1, 0).Item(MapType(), parentName: "m", key: "a");
        for (ulong i = 1; i < 6; i++)
        {
            b.Item(MapType(), parentId: new Id(1, i - 1), key: "a");
        }

        doc.ApplyUpdate(b.Build());

        doc.ToJson().ToJsonString().ShouldBe("""{"m":{"a":{"a":{"a":{}}}}}""");
        Hex.Of(doc.EncodeStateVector()).ShouldBe("01 01 06");
    }

    [Fact]
    public void A_very_deep_chain_of_nested_types_neither_overflows_the_stack_nor_fails()
    {
        var doc = new YDoc(100);
        var b = new UpdateBuilder().Block(1, 0).Item(MapType(), parentName: "m", key: "a");
        for (ulong i = 1; i < 50_000; i++)
        {
            b.Item(MapType(), parentId: new Id(1, i - 1), key: "a");
        }

        doc.ApplyUpdate(b.Build());
        doc.ApplyUpdate(new UpdateBuilder().Delete(1, 0, 1).Build());

        doc.ToJson().ToJsonString().ShouldBe("""{"m":{}}""");
        Hex.Of(doc.EncodeStateVector()).ShouldBe("01 01 d0 86 03");
    }

    [Fact]
    public void Clients_that_depend_on_each_other_in_a_cycle_stay_pending()
    {
        var doc = new YDoc(100);
        var update = new UpdateBuilder()
            .Block(2, 0).Item(Any("b"), origin: new Id(1, 5))
            .Block(1, 0).Item(Any("a"), origin: new Id(2, 5))
            .Build();

        doc.ApplyUpdate(update).Changed.ShouldBeTrue();

        doc.HasPending.ShouldBeTrue();
        Hex.Of(doc.EncodeStateVector()).ShouldBe("00");
        doc.ApplyUpdate(update).Changed.ShouldBeFalse();
    }

    [Fact]
    public void A_remote_update_using_our_client_id_makes_the_document_pick_another()
    {
        var doc = new YDoc(7);
        doc.ApplyUpdate(new UpdateBuilder().Block(7, 0).Item(Any(1), parentName: "l").Build());

        doc.ClientId.ShouldNotBe(7UL);
        doc.GetArray("l").Push(2);
        doc.GetArray("l").ToJson().ToJsonString().ShouldBe("[1,2]");
    }
}
