using Tanaka.Crdt.Tests.Oracle;

namespace Tanaka.Crdt.Tests.Document;

/// <summary>Malformed input throws one typed error and leaves the document exactly as it was.</summary>
public sealed class MalformedUpdateTests
{
    private static (YDoc Doc, byte[] Update) DocAndForeignUpdate()
    {
        // A document with content of several kinds and something pending, and an update from
        // another replica that carries structs of several clients and deletes.
        var scenario = DocFixtures.ReplayScenario("docs-replay-crafted.json", 1);
        var updates = scenario["updates"]!.AsArray().Select(DocFixtures.Bytes).ToArray();
        var doc = new YDoc(999);
        doc.ApplyUpdate(updates[4]);
        doc.ApplyUpdate(updates[0]);

        var other = new YDoc(42);
        foreach (var u in updates)
        {
            other.ApplyUpdate(u);
        }

        var m = other.GetMap("m");
        other.Transact(() =>
        {
            m.Set("k", "over😀written");
            m.SetMap("fresh").Set("deep", new Dictionary<string, object?> { ["a"] = new object?[] { 1, "two", null } });
            m.Delete("s");
        });
        return (doc, other.EncodeStateAsUpdate());
    }

    private static string Snapshot(YDoc doc) =>
        Convert.ToHexString(doc.EncodeStateAsUpdate()) + "|" + Convert.ToHexString(doc.EncodeStateVector()) + "|" + doc.HasPending + "|" + doc.ToJson().ToJsonString();

    [Fact]
    public void Every_truncation_throws_and_leaves_the_document_untouched()
    {
        var (doc, update) = DocAndForeignUpdate();
        var before = Snapshot(doc);
        var events = 0;
        doc.Updated += _ => events++;

        for (var length = 0; length < update.Length; length++)
        {
            Should.Throw<UpdateDecodeException>(() => doc.ApplyUpdate(update.AsSpan(0, length)), $"prefix of {length} bytes");
        }

        Snapshot(doc).ShouldBe(before);
        events.ShouldBe(0);
    }

    [Fact]
    public void Corrupted_updates_either_throw_a_decode_error_and_change_nothing_or_apply_without_crashing()
    {
        var (template, update) = DocAndForeignUpdate();
        var baseline = template.EncodeStateAsUpdate();
        var random = new Random(20240611);
        int rejected = 0, applied = 0;
        for (var round = 0; round < 3000; round++)
        {
            var corrupt = update.ToArray();
            var flips = 1 + random.Next(3);
            for (var f = 0; f < flips; f++)
            {
                corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            }

            var doc = new YDoc(999);
            doc.ApplyUpdate(baseline);
            var before = Snapshot(doc);
            try
            {
                doc.ApplyUpdate(corrupt);
                applied++;
            }
            catch (UpdateDecodeException)
            {
                Snapshot(doc).ShouldBe(before, $"round {round}");
                rejected++;
                continue;
            }

            // What was accepted leaves a document that still encodes, reads and converges.
            var copy = new YDoc(998);
            copy.ApplyUpdate(doc.EncodeStateAsUpdate());
            copy.EncodeStateVector().ShouldBe(doc.EncodeStateVector(), $"round {round}");
            _ = doc.ToJson();
        }

        rejected.ShouldBeGreaterThan(0);
        applied.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_malformed_state_vector_throws_a_decode_error()
    {
        var doc = new YDoc(1);
        doc.GetMap("m").Set("a", 1);

        Should.Throw<UpdateDecodeException>(() => doc.EncodeStateAsUpdate([0x05, 0x01]));
    }
}
