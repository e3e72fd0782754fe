using System.Text.Json.Nodes;

namespace Tanaka.Crdt.Tests.Oracle;

/// <summary>
/// Replays updates made by real yjs clients (concurrent edits, out-of-order delivery,
/// duplicates) into one YDoc and compares, at each checkpoint, what yjs's own document gave:
/// state vector, encoded state (whole and against state vectors), pending, and toJSON.
/// </summary>
public sealed class DocReplayOracleTests
{
    public static TheoryData<string, int, string> Scenarios()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var (file, index, name) in DocFixtures.ReplayScenarios())
        {
            data.Add(file, index, name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Replay_matches_yjs(string file, int index, string name)
    {
        var scenario = DocFixtures.ReplayScenario(file, index);
        var updates = scenario["updates"]!.AsArray().Select(DocFixtures.Bytes).ToArray();
        var gc = (bool)scenario["gc"]!;
        var roots = scenario["roots"]!.AsObject();
        foreach (var delivery in scenario["deliveries"]!.AsArray())
        {
            var order = delivery!["order"]!.AsArray().Select(n => (int)n!).ToArray();
            var checkpoints = delivery["checkpoints"]!.AsArray().ToDictionary(c => (int)c!["after"]!, c => c!.AsObject());
            var doc = new YDoc(999, gc: gc);
            for (var i = 0; i < order.Length; i++)
            {
                doc.ApplyUpdate(updates[order[i]]);
                if (checkpoints.TryGetValue(i + 1, out var cp))
                {
                    var where = $"{name} / {delivery["name"]} after {i + 1}";
                    CompareCheckpoint(doc, cp, roots, where);
                }
            }
        }
    }

    internal static void CompareCheckpoint(YDoc doc, JsonObject cp, JsonObject roots, string where)
    {
        Convert.ToHexString(doc.EncodeStateVector()).ShouldBe(Convert.ToHexString(DocFixtures.Bytes(cp["stateVector"])), $"state vector, {where}");
        doc.HasPending.ShouldBe((bool)cp["hasPending"]!, $"pending, {where}");
        Convert.ToHexString(doc.EncodeStateAsUpdate()).ShouldBe(Convert.ToHexString(DocFixtures.Bytes(cp["state"])), $"encoded state, {where}");
        foreach (var diff in cp["diffs"]!.AsArray())
        {
            var sv = DocFixtures.Bytes(diff!["sv"]);
            Convert.ToHexString(doc.EncodeStateAsUpdate(sv)).ShouldBe(Convert.ToHexString(DocFixtures.Bytes(diff["update"])), $"state against {Convert.ToHexString(sv)}, {where}");
        }

        CompareJson(doc, roots, cp["json"]!.AsObject(), where);
    }

    internal static void CompareJson(YDoc doc, JsonObject roots, JsonObject expected, string where)
    {
        foreach (var (root, kind) in roots)
        {
            JsonNode? actual = (string)kind! switch
            {
                "map" => doc.GetMap(root).ToJson(),
                "array" => doc.GetArray(root).ToJson(),
                _ => JsonValue.Create(doc.GetText(root).ToString()),
            };
            JsonComparison.Difference(expected[root], actual, root).ShouldBeNull($"toJSON, {where}");
        }
    }
}
