using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;
using Tanaka.Crdt.Tests.Encoding;
using Tanaka.Crdt.Updates;
using StringContent = Tanaka.Crdt.Structs.StringContent;

namespace Tanaka.Crdt.Tests.Updates;

/// <summary>Decoding the annotated examples of yjs-format.md 3.3 into structs.</summary>
public sealed class UpdateDecoderTests
{
    [Fact]
    public void Map_document()
    {
        var update = UpdateDecoder.Decode(Hex.Parse("01 02 05 00 21 01 04 74 61 62 73 01 61 01 a8 05 00 01 7d 02 01 05 01 00 01"));
        var (client, structs) = update.Clients.ShouldHaveSingleItem();
        client.ShouldBe(5UL);
        structs.Count.ShouldBe(2);

        var first = structs[0].ShouldBeOfType<ItemStruct>();
        first.Id.ShouldBe(new Id(5, 0));
        first.ParentName.ShouldBe("tabs");
        first.ParentSub.ShouldBe("a");
        first.Origin.ShouldBeNull();
        first.Content.ShouldBeOfType<DeletedContent>().Length.ShouldBe(1UL);

        var second = structs[1].ShouldBeOfType<ItemStruct>();
        second.Id.ShouldBe(new Id(5, 1));
        second.Origin.ShouldBe(new Id(5, 0));
        second.ParentName.ShouldBeNull();
        second.ParentSub.ShouldBeNull();
        second.HasParentSubFlag.ShouldBeTrue();
        second.Content.ShouldBeOfType<AnyContent>().Values.ShouldBe([2.0]);

        update.DeleteSet.Clients[5].ShouldBe([new DeleteRange(0, 1)]);
    }

    [Fact]
    public void Text_length_counts_utf16_units()
    {
        var update = UpdateDecoder.Decode(Hex.Parse("01 01 07 00 04 01 01 74 07 61 62 f0 9f 98 80 63 00"));
        var item = update.Clients[0].Structs.ShouldHaveSingleItem().ShouldBeOfType<ItemStruct>();
        item.Content.ShouldBeOfType<StringContent>().Text.ShouldBe("ab😀c");
        item.Length.ShouldBe(5UL);
        item.EndClock.ShouldBe(5UL);
    }

    [Fact]
    public void Clocks_follow_each_other_within_a_block()
    {
        var update = UpdateDecoder.Decode(Hex.Parse("01 03 09 04 00 02 0a 03 81 09 00 01 00"));
        var structs = update.Clients[0].Structs;
        structs[0].ShouldBeOfType<GcStruct>().Id.ShouldBe(new Id(9, 4));
        structs[1].ShouldBeOfType<SkipStruct>().Id.ShouldBe(new Id(9, 6));
        structs[2].ShouldBeOfType<ItemStruct>().Id.ShouldBe(new Id(9, 9));
    }

    [Fact]
    public void Json_and_embed_content_hold_the_text_yjs_would_write()
    {
        // ContentJSON ["{ \"b\": 1, \"a\" : 2 }", "undefined"] and an embed with white space.
        var json = UpdateDecoder.Decode(Hex.Parse("01 01 01 00 02 01 01 6d 02 13 7b 20 22 62 22 3a 20 31 2c 20 22 61 22 20 3a 20 32 20 7d 09 75 6e 64 65 66 69 6e 65 64 00"));
        json.Clients[0].Structs[0].ShouldBeOfType<ItemStruct>().Content.ShouldBeOfType<JsonContent>().Elements.ShouldBe(["{\"b\":1,\"a\":2}", "undefined"]);
        var embed = UpdateDecoder.Decode(Hex.Parse("01 01 01 00 05 01 01 74 06 5b 31 2c 20 32 5d 00"));
        embed.Clients[0].Structs[0].ShouldBeOfType<ItemStruct>().Content.ShouldBeOfType<EmbedContent>().Json.ShouldBe("[1,2]");
    }

    [Fact]
    public void Subdocument_options_are_rebuilt_as_yjs_does()
    {
        // Options { gc: true, autoLoad: 1, x: 1, meta: 'm' }: Yjs keeps autoLoad and meta only.
        var options = new AnyObject { ["gc"] = true, ["autoLoad"] = 1.0, ["x"] = 1.0, ["meta"] = "m" };
        var w = new Lib0Writer();
        w.WriteRaw(Hex.Parse("01 01 01 00 09 01 01 64 01 67"));
        w.WriteAny(options);
        w.WriteU8(0);
        var doc = UpdateDecoder.Decode(w.WrittenSpan).Clients[0].Structs[0].ShouldBeOfType<ItemStruct>().Content.ShouldBeOfType<DocContent>();
        doc.Guid.ShouldBe("g");
        var rebuilt = doc.Options.ShouldBeOfType<AnyObject>();
        rebuilt.Keys.ShouldBe(["autoLoad", "meta"]);
        rebuilt["autoLoad"].ShouldBe(true);
    }
}
