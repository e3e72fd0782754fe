using System.Text.Json.Nodes;
using Tanaka.Crdt.Tests.Oracle;

namespace Tanaka.Crdt.Tests.Document;

/// <summary>ApplyResult.ChangedKeys names the top-level keys whose entry or nested content changed.</summary>
public sealed class ChangedKeysTests
{
    private static (YDoc Device, YDoc Server) Synced()
    {
        var device = new YDoc(11);
        var tabs = device.GetMap("tabs");
        device.Transact(() =>
        {
            foreach (var id in new[] { "t1", "t2", "t3" })
            {
                var tab = tabs.SetMap(id);
                tab.Set("url", $"https://example.com/{id}");
                tab.Set("title", id);
                tab.SetArray("history").Push("start");
            }

            device.GetMap("windows").SetMap("w1").Set("focused", true);
        });
        var server = new YDoc(1);
        server.ApplyUpdate(device.EncodeStateAsUpdate());
        return (device, server);
    }

    private static ApplyResult Send(YDoc from, YDoc to, Action edit) => to.ApplyUpdate(from.Transact(edit));

    [Fact]
    public void A_nested_field_change_names_the_tab()
    {
        var (device, server) = Synced();
        var result = Send(device, server, () => ((Types.YMap)device.GetMap("tabs").Get("t1")!).Set("title", "changed"));

        result.Changed.ShouldBeTrue();
        result.ChangedKeys.Keys.ShouldBe(["tabs"]);
        result.ChangedKeys["tabs"].ShouldBe(["t1"]);
    }

    [Fact]
    public void Deleting_a_tab_names_it()
    {
        var (device, server) = Synced();
        var result = Send(device, server, () => device.GetMap("tabs").Delete("t2"));

        result.ChangedKeys["tabs"].ShouldBe(["t2"]);
        server.GetMap("tabs").ContainsKey("t2").ShouldBeFalse();
    }

    [Fact]
    public void A_change_deep_inside_a_tab_names_the_tab_and_every_root_touched()
    {
        var (device, server) = Synced();
        var result = Send(device, server, () =>
        {
            var tab = (Types.YMap)device.GetMap("tabs").Get("t3")!;
            ((Types.YArray)tab.Get("history")!).Push("next");
            device.GetMap("windows").SetMap("w2");
            device.GetMap("tabs").SetMap("t4").Set("url", "u");
        });

        result.ChangedKeys.Keys.ShouldBe(["tabs", "windows"], ignoreOrder: true);
        result.ChangedKeys["tabs"].ShouldBe(["t3", "t4"], ignoreOrder: true);
        result.ChangedKeys["windows"].ShouldBe(["w2"]);
    }

    [Fact]
    public void A_sequence_root_is_named_without_keys()
    {
        var doc = new YDoc(3);
        var server = new YDoc(1);
        var result = server.ApplyUpdate(doc.Transact(() => doc.GetArray("log").Push("x")));

        result.ChangedKeys.Keys.ShouldBe(["log"]);
        result.ChangedKeys["log"].ShouldBeEmpty();
    }

    [Fact]
    public void Every_key_whose_value_changed_is_named_while_replaying_a_tab_workspace()
    {
        var scenario = DocFixtures.ReplayScenario("docs-replay-tabs.json", 0);
        var updates = scenario["updates"]!.AsArray().Select(DocFixtures.Bytes).ToArray();
        var checkedKeys = 0;
        foreach (var delivery in scenario["deliveries"]!.AsArray())
        {
            var doc = new YDoc(999);
            foreach (var i in delivery!["order"]!.AsArray().Select(n => (int)n!))
            {
                var before = Snapshot(doc);
                var result = doc.ApplyUpdate(updates[i]);
                var after = Snapshot(doc);
                foreach (var (root, keys) in after)
                {
                    var old = before[root];
                    foreach (var key in keys.Keys.Union(old.Keys))
                    {
                        var was = old.GetValueOrDefault(key);
                        var now = keys.GetValueOrDefault(key);
                        if (was != now)
                        {
                            result.ChangedKeys.ShouldContainKey(root);
                            result.ChangedKeys[root].ShouldContain(key, $"update {i}");
                            checkedKeys++;
                        }
                    }
                }

                if (!result.Changed)
                {
                    result.ChangedKeys.ShouldBeEmpty();
                }
            }
        }

        // Shuffled delivery releases most changes at once from pending; the natural order shows each.
        checkedKeys.ShouldBeGreaterThan(200);
    }

    private static Dictionary<string, Dictionary<string, string>> Snapshot(YDoc doc)
    {
        var result = new Dictionary<string, Dictionary<string, string>>();
        foreach (var root in new[] { "tabs", "windows" })
        {
            var keys = new Dictionary<string, string>();
            foreach (var (key, value) in doc.GetMap(root).ToJson())
            {
                keys[key] = Canonical(value);
            }

            result[root] = keys;
        }

        return result;
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Canonical(p.Value))) + "}",
        null => "null",
        _ => node.ToJsonString(),
    };
}
