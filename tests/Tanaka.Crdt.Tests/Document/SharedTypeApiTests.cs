using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Types;

namespace Tanaka.Crdt.Tests.Document;

/// <summary>The local editing API of YMap, YArray, YText and YDoc.</summary>
public sealed class SharedTypeApiTests
{
    [Fact]
    public void Map_reads_back_what_was_set_in_the_any_model()
    {
        var doc = new YDoc(1);
        var m = doc.GetMap("m");
        m.Set("int", 5);
        m.Set("long", 7L);
        m.Set("float", 1.5f);
        m.Set("decimal", 2.25m);
        m.Set("null", null);
        m.Set("undefined", Undefined.Value);
        m.Set("bytes", new byte[] { 1, 2 });
        m.Set("object", new Dictionary<string, object?> { ["b"] = 1, ["1"] = "one", ["a"] = new[] { "x" } });

        m.Get("int").ShouldBe(5d);
        m.Get("long").ShouldBe(7d);
        m.Get("float").ShouldBe(1.5d);
        m.Get("decimal").ShouldBe(2.25d);
        m.Get("null").ShouldBeNull();
        m.ContainsKey("null").ShouldBeTrue();
        m.Get("undefined").ShouldBe(Undefined.Value);
        m.Get("bytes").ShouldBe(new byte[] { 1, 2 });
        var o = m.Get("object").ShouldBeOfType<AnyObject>();
        o.Keys.ShouldBe(["1", "b", "a"]);
        o["a"].ShouldBe(new object?[] { "x" });
        m.Get("absent").ShouldBeNull();
        m.Count.ShouldBe(8);
        m.Keys.ShouldBe(["int", "long", "float", "decimal", "null", "undefined", "bytes", "object"]);
        m.ToJson().ToJsonString().ShouldBe("""{"int":5,"long":7,"float":1.5,"decimal":2.25,"null":null,"undefined":null,"bytes":"AQI=","object":{"1":"one","b":1,"a":["x"]}}""");
    }

    [Fact]
    public void Map_delete_and_overwrite()
    {
        var doc = new YDoc(1);
        var m = doc.GetMap("m");
        m.Set("a", 1);
        m.Set("b", 2);
        m.Set("a", 3);
        m.Delete("b");
        m.Delete("missing");

        m.Count.ShouldBe(1);
        m.ContainsKey("b").ShouldBeFalse();
        m.Get("a").ShouldBe(3d);
        m.Keys.ShouldBe(["a"]);
    }

    [Fact]
    public void Nested_types_are_returned_and_readable()
    {
        var doc = new YDoc(1);
        var m = doc.GetMap("m");
        var inner = m.SetMap("inner");
        inner.Set("x", "y");
        m.SetArray("list").Push(1, 2);
        m.SetText("text").Insert(0, "hi");

        m.Get("inner").ShouldBeSameAs(inner);
        ((YArray)m.Get("list")!).Length.ShouldBe(2);
        m.Get("text")!.ToString().ShouldBe("hi");
        doc.ToJson().ToJsonString().ShouldBe("""{"m":{"inner":{"x":"y"},"list":[1,2],"text":"hi"}}""");
    }

    [Fact]
    public void A_shared_type_is_not_a_value()
    {
        var doc = new YDoc(1);
        var m = doc.GetMap("m");

        Should.Throw<ArgumentException>(() => m.Set("x", doc.GetMap("other")));
        Should.Throw<ArgumentException>(() => m.Set("x", new object()));
    }

    [Fact]
    public void Self_containing_values_are_rejected()
    {
        var doc = new YDoc(1);
        var list = new List<object?>();
        list.Add(list);

        Should.Throw<ArgumentException>(() => doc.GetMap("m").Set("x", list));
        doc.EncodeStateVector().ShouldBe([0]);
    }

    [Fact]
    public void Local_edits_cannot_nest_types_beyond_the_limit()
    {
        var doc = new YDoc(1, new CrdtLimits { MaxTypeDepth = 2 });
        var level2 = doc.GetMap("m").SetMap("a").SetArray("b");

        Should.Throw<InvalidOperationException>(() => level2.InsertMap(0));
        Should.Throw<InvalidOperationException>(() => doc.GetMap("m").SetMap("a").SetMap("b").SetText("c"));
    }

    [Fact]
    public void Array_insert_push_get_delete()
    {
        var doc = new YDoc(1);
        var a = doc.GetArray("a");
        a.Push(1, 2);
        a.Insert(1, "x", new byte[] { 9 }, "y");
        a.Insert(0, true);
        var map = a.InsertMap(6);
        map.Set("k", "v");

        a.Length.ShouldBe(7);
        a.Get(0).ShouldBe(true);
        a.Get(2).ShouldBe("x");
        a.Get(3).ShouldBe(new byte[] { 9 });
        a.Get(6).ShouldBeSameAs(map);
        a.ToJson().ToJsonString().ShouldBe("""[true,1,"x","CQ==","y",2,{"k":"v"}]""");

        a.Delete(1, 3);
        a.ToJson().ToJsonString().ShouldBe("""[true,"y",2,{"k":"v"}]""");
        Should.Throw<ArgumentOutOfRangeException>(() => a.Get(4));
        Should.Throw<ArgumentOutOfRangeException>(() => a.Insert(5, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => a.Delete(3, 2));
        a.Length.ShouldBe(4);
    }

    [Fact]
    public void Text_insert_delete()
    {
        var doc = new YDoc(1);
        var t = doc.GetText("t");
        t.Insert(0, "hello world");
        t.Delete(5, 6);
        t.Insert(5, "!");
        t.Insert(0, "😀 ");

        t.ToString().ShouldBe("😀 hello!");
        t.Length.ShouldBe(9);
        Should.Throw<ArgumentOutOfRangeException>(() => t.Insert(10, "x"));
        Should.Throw<ArgumentOutOfRangeException>(() => t.Delete(8, 2));
    }

    [Fact]
    public void A_root_has_one_kind()
    {
        var doc = new YDoc(1);
        doc.GetMap("r").ShouldBeSameAs(doc.GetMap("r"));

        Should.Throw<InvalidOperationException>(() => doc.GetArray("r"));
    }

    [Fact]
    public void A_root_received_before_anyone_asked_is_inferred_and_readable_as_any_kind()
    {
        var author = new YDoc(1);
        author.GetMap("m").Set("a", 1);
        author.GetArray("a").Push(1, "x");
        author.GetText("t").Insert(0, "text");
        var doc = new YDoc(2);
        doc.ApplyUpdate(author.EncodeStateAsUpdate());

        doc.ToJson().ToJsonString().ShouldBe("""{"m":{"a":1},"a":[1,"x"],"t":"text"}""");
        doc.GetText("t").ToString().ShouldBe("text");
        doc.GetArray("a").Get(1).ShouldBe("x");
        doc.GetMap("m").Get("a").ShouldBe(1d);
    }

    [Fact]
    public void Transact_batches_edits_into_one_update_and_one_event()
    {
        var doc = new YDoc(1);
        var events = new List<byte[]>();
        doc.Updated += events.Add;

        var update = doc.Transact(() =>
        {
            doc.GetMap("m").Set("a", 1);
            doc.Transact(() => doc.GetMap("m").Set("b", 2)).ShouldBeEmpty();
        });

        events.Count.ShouldBe(1);
        events[0].ShouldBe(update);
        var copy = new YDoc(2);
        copy.ApplyUpdate(update);
        copy.GetMap("m").ToJson().ToJsonString().ShouldBe("""{"a":1,"b":2}""");
    }

    [Fact]
    public void Edits_outside_transact_each_fire_an_update()
    {
        var doc = new YDoc(1);
        var events = 0;
        doc.Updated += _ => events++;

        doc.GetMap("m").Set("a", 1);
        doc.GetMap("m").Delete("a");
        doc.GetMap("m").Delete("a");

        events.ShouldBe(2);
        doc.Transact(() => { }).ShouldBeEmpty();
        events.ShouldBe(2);
    }

    [Fact]
    public void Remote_updates_fire_the_event_with_what_they_added()
    {
        var author = new YDoc(1);
        var update = author.Transact(() => author.GetMap("m").Set("a", 1));
        var doc = new YDoc(2);
        byte[]? seen = null;
        doc.Updated += u => seen = u;

        doc.ApplyUpdate(update);

        seen.ShouldBe(update);
        seen = null;
        doc.ApplyUpdate(update).Changed.ShouldBeFalse();
        seen.ShouldBeNull();
    }

    [Fact]
    public void Client_ids_are_bounded_by_javascript_numbers()
    {
        new YDoc().ClientId.ShouldBeLessThan(1UL << 32);
        new YDoc(Id.MaxSafeInteger).ClientId.ShouldBe(Id.MaxSafeInteger);
        Should.Throw<ArgumentOutOfRangeException>(() => new YDoc(Id.MaxSafeInteger + 1));
    }

    [Fact]
    public void Without_gc_deleted_content_is_kept()
    {
        var doc = new YDoc(1, gc: false);
        var m = doc.GetMap("m");
        m.Set("a", "first");
        m.Set("a", "second");

        var copy = new YDoc(2);
        copy.ApplyUpdate(doc.EncodeStateAsUpdate());
        copy.GetMap("m").Get("a").ShouldBe("second");
        // The overwritten value still travels as content (Any, ref 8), not as ContentDeleted.
        doc.EncodeStateAsUpdate()[4].ShouldBe((byte)0x28);
    }
}
