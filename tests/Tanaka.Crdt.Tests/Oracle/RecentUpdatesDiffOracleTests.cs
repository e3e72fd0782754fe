namespace Tanaka.Crdt.Tests.Oracle;

/// <summary>
/// <see cref="YDoc.EncodeStateAsUpdate(ReadOnlySpan{byte}, IReadOnlyList{byte[]})"/> on the yjs
/// replay scenarios: a peer that received the first k updates of a delivery and then the answer
/// built from its state vector and the updates after k ends exactly where a peer that got the
/// full diff ends (byte for byte), and where yjs's own document stood at that point (state
/// vector; toJSON too, except in the crafted scenarios, whose documents yjs itself renders
/// differently when they arrive as one state instead of update by update).
/// </summary>
public sealed class RecentUpdatesDiffOracleTests
{
    public static TheoryData<string, int, string> Scenarios() => DocReplayOracleTests.Scenarios();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_peer_that_holds_the_older_deletions_ends_as_with_the_full_diff(string file, int index, string name)
    {
        var scenario = DocFixtures.ReplayScenario(file, index);
        var updates = scenario["updates"]!.AsArray().Select(DocFixtures.Bytes).ToArray();
        var gc = (bool)scenario["gc"]!;
        var roots = scenario["roots"]!.AsObject();
        foreach (var delivery in scenario["deliveries"]!.AsArray())
        {
            var order = delivery!["order"]!.AsArray().Select(n => updates[(int)n!]).ToArray();
            var checkpoints = delivery["checkpoints"]!.AsArray().Select(c => c!.AsObject()).ToArray();
            var stops = new[] { 0 }.Concat(checkpoints.Select(c => (int)c["after"]!)).Distinct().Order().ToArray();
            for (var s = 1; s < stops.Length; s++)
            {
                var target = checkpoints.Single(c => (int)c["after"]! == stops[s]);
                foreach (var from in new[] { 0, stops[s - 1] }.Distinct())
                {
                    Check(order, from, stops[s], gc, file.Contains("crafted", StringComparison.Ordinal) ? null : roots, target, $"{name} / {delivery["name"]} from {from} to {stops[s]}");
                }
            }
        }
    }

    [Fact]
    public void One_change_on_a_document_with_many_deletions_travels_without_the_old_deletions()
    {
        var server = new YDoc(1);
        var author = new YDoc(2);
        var peer = new YDoc(3);
        var history = new List<byte[]>();
        author.Updated += history.Add;
        var tabs = author.GetMap("tabs");
        for (var i = 0; i < 200; i++)
        {
            // A value that stays between overwritten ones, so the deletions do not coalesce into one range.
            author.Transact(() =>
            {
                tabs.Set($"tab-{i % 20}", $"title {i}");
                tabs.Set($"seen-{i}", true);
            });
        }

        foreach (var update in history)
        {
            server.ApplyUpdate(update);
            peer.ApplyUpdate(update);
        }

        var before = history.Count;
        author.Transact(() => tabs.Set("tab-3", "the one change"));
        server.ApplyUpdate(history[^1]);

        var recent = history.Skip(before).ToList();
        var answer = server.EncodeStateAsUpdate(peer.EncodeStateVector(), recent);
        var full = server.EncodeStateAsUpdate(peer.EncodeStateVector());

        answer.Length.ShouldBeLessThan(full.Length / 4, "the 180 old overwrites' deletions stay home");
        peer.ApplyUpdate(answer);
        Convert.ToHexString(peer.EncodeStateAsUpdate()).ShouldBe(Convert.ToHexString(server.EncodeStateAsUpdate()));
        peer.GetMap("tabs").Get("tab-3").ShouldBe("the one change");
    }

    [Fact]
    public void A_malformed_recent_update_is_a_decode_error()
    {
        var doc = new YDoc(1);
        doc.Transact(() => doc.GetMap("tabs").Set("a", "b"));

        Should.Throw<UpdateDecodeException>(() => doc.EncodeStateAsUpdate([0], [[1, 2, 3]]));
    }

    private static void Check(byte[][] order, int from, int to, bool gc, System.Text.Json.Nodes.JsonObject? roots, System.Text.Json.Nodes.JsonObject target, string where)
    {
        var server = Replay(order, to, gc);
        var viaRecent = Replay(order, from, gc);
        var viaFull = Replay(order, from, gc);
        var stateVector = viaRecent.EncodeStateVector();

        var answer = server.EncodeStateAsUpdate(stateVector, order[from..to]);
        var full = server.EncodeStateAsUpdate(stateVector);
        viaRecent.ApplyUpdate(answer);
        viaFull.ApplyUpdate(full);

        Convert.ToHexString(viaRecent.EncodeStateAsUpdate()).ShouldBe(Convert.ToHexString(viaFull.EncodeStateAsUpdate()), $"state, {where}");
        viaRecent.HasPending.ShouldBe(viaFull.HasPending, $"pending, {where}");
        Convert.ToHexString(viaRecent.EncodeStateVector()).ShouldBe(Convert.ToHexString(DocFixtures.Bytes(target["stateVector"])), $"state vector against yjs, {where}");
        if (roots is not null)
        {
            DocReplayOracleTests.CompareJson(viaRecent, roots, target["json"]!.AsObject(), where);
        }
    }

    private static YDoc Replay(byte[][] order, int count, bool gc)
    {
        var doc = new YDoc(999, gc: gc);
        for (var i = 0; i < count; i++)
        {
            doc.ApplyUpdate(order[i]);
        }

        return doc;
    }
}
