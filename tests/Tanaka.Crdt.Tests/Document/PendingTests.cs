using Tanaka.Crdt.Tests.Encoding;

namespace Tanaka.Crdt.Tests.Document;

/// <summary>Out-of-order updates: structs and deletes that wait for what they depend on.</summary>
public sealed class PendingTests
{
    private static (byte[] X, byte[] Y, byte[] Z) ThreeSets()
    {
        var author = new YDoc(3);
        var m = author.GetMap("m");
        return (author.Transact(() => m.Set("x", 1)), author.Transact(() => m.Set("y", 2)), author.Transact(() => m.Set("z", 3)));
    }

    [Fact]
    public void A_gap_keeps_later_structs_pending_until_it_is_filled()
    {
        var (x, y, z) = ThreeSets();
        var doc = new YDoc(100);

        doc.ApplyUpdate(z).Changed.ShouldBeTrue();
        doc.HasPending.ShouldBeTrue();
        doc.GetMap("m").Count.ShouldBe(0);
        Hex.Of(doc.EncodeStateVector()).ShouldBe("00");

        doc.ApplyUpdate(x);
        doc.HasPending.ShouldBeTrue();
        Hex.Of(doc.EncodeStateVector()).ShouldBe("01 03 01");

        var result = doc.ApplyUpdate(y);
        doc.HasPending.ShouldBeFalse();
        Hex.Of(doc.EncodeStateVector()).ShouldBe("01 03 03");
        doc.ToJson().ToJsonString().ShouldBe("""{"m":{"x":1,"y":2,"z":3}}""");
        result.ChangedKeys["m"].ShouldBe(["y", "z"], ignoreOrder: true);
    }

    [Fact]
    public void Reapplying_a_pending_update_changes_nothing()
    {
        var (_, _, z) = ThreeSets();
        var doc = new YDoc(100);
        doc.ApplyUpdate(z);
        var before = doc.EncodeStateAsUpdate();

        doc.ApplyUpdate(z).Changed.ShouldBeFalse();
        doc.EncodeStateAsUpdate().ShouldBe(before);
    }

    [Fact]
    public void Deletes_of_unknown_items_wait_for_them()
    {
        var author = new YDoc(8);
        var list = author.GetArray("list");
        var insert = author.Transact(() => list.Insert(0, "a", "b", "c"));
        var delete = author.Transact(() => list.Delete(1));

        var doc = new YDoc(100);
        doc.ApplyUpdate(delete).Changed.ShouldBeTrue();
        doc.HasPending.ShouldBeTrue();
        doc.ApplyUpdate(delete).Changed.ShouldBeFalse();

        doc.ApplyUpdate(insert);
        doc.HasPending.ShouldBeFalse();
        doc.GetArray("list").ToJson().ToJsonString().ShouldBe("""["a","c"]""");
        doc.EncodeStateAsUpdate().ShouldBe(author.EncodeStateAsUpdate());
    }

    [Fact]
    public void A_dependency_on_another_client_waits_for_that_client()
    {
        var a = new YDoc(1);
        var b = new YDoc(2);
        var first = a.Transact(() => a.GetArray("l").Push("a1"));
        b.ApplyUpdate(first);
        var second = b.Transact(() => b.GetArray("l").Push("b1"));

        var doc = new YDoc(100);
        doc.ApplyUpdate(second);
        doc.HasPending.ShouldBeTrue();
        doc.GetArray("l").Length.ShouldBe(0);

        var result = doc.ApplyUpdate(first);
        doc.HasPending.ShouldBeFalse();
        doc.GetArray("l").ToJson().ToJsonString().ShouldBe("""["a1","b1"]""");
        result.ChangedKeys.Keys.ShouldBe(["l"]);
    }
}
