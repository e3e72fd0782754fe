using System.Text.Json.Nodes;

namespace Tanaka.Crdt.Tests.Oracle;

/// <summary>The document fixtures written by tests/oracle/gen-docs.mjs (loaded through <see cref="OracleFixtures"/>).</summary>
internal static class DocFixtures
{
    public static readonly string[] ReplayFiles = ["docs-replay-random-1.json", "docs-replay-random-2.json", "docs-replay-tabs.json", "docs-replay-crafted.json"];

    public const string LocalFile = "docs-local.json";

    /// <summary>Every replay scenario as (file, index, name), for theories.</summary>
    public static IEnumerable<(string File, int Index, string Name)> ReplayScenarios()
    {
        foreach (var file in ReplayFiles)
        {
            var scenarios = OracleFixtures.Load(file)["scenarios"]!.AsArray();
            for (var i = 0; i < scenarios.Count; i++)
            {
                yield return (file, i, (string)scenarios[i]!["name"]!);
            }
        }
    }

    public static JsonObject ReplayScenario(string file, int index) => OracleFixtures.Load(file)["scenarios"]![index]!.AsObject();

    public static JsonArray LocalScripts() => OracleFixtures.Load(LocalFile)["scripts"]!.AsArray();

    public static byte[] Bytes(JsonNode? node) => OracleFixtures.Bytes(node);
}
