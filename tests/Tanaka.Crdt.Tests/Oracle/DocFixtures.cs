using System.Text.Json.Nodes;

namespace Tanaka.Crdt.Tests.Oracle;

/// <summary>
/// Loads the document fixtures written by tests/oracle/gen-docs.mjs (the real yjs). Missing
/// fixtures fail the test with instructions; they are never skipped.
/// </summary>
internal static class DocFixtures
{
    private static readonly Lazy<string> GeneratedDir = new(FindGeneratedDir);
    private static readonly Dictionary<string, JsonObject> Files = [];
    private static readonly Lock Sync = new();

    public static readonly string[] ReplayFiles = ["docs-replay-random-1.json", "docs-replay-random-2.json", "docs-replay-tabs.json"];

    public const string LocalFile = "docs-local.json";

    public static JsonObject Load(string file)
    {
        lock (Sync)
        {
            if (!Files.TryGetValue(file, out var root))
            {
                var path = Path.Combine(GeneratedDir.Value, file);
                if (!File.Exists(path))
                {
                    Assert.Fail($"Oracle fixture {path} is missing: run `node tests/oracle/generate.mjs` from the repository root.");
                }

                root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
                Files[file] = root;
            }

            return root;
        }
    }

    /// <summary>Every replay scenario as (file, index) pairs, for theories.</summary>
    public static IEnumerable<(string File, int Index, string Name)> ReplayScenarios()
    {
        foreach (var file in ReplayFiles)
        {
            var scenarios = Load(file)["scenarios"]!.AsArray();
            for (var i = 0; i < scenarios.Count; i++)
            {
                yield return (file, i, (string)scenarios[i]!["name"]!);
            }
        }
    }

    public static JsonObject ReplayScenario(string file, int index) => Load(file)["scenarios"]![index]!.AsObject();

    public static JsonArray LocalScripts() => Load(LocalFile)["scripts"]!.AsArray();

    public static byte[] Bytes(JsonNode? node) => Convert.FromBase64String((string)node!);

    private static string FindGeneratedDir()
    {
        // The test binaries may live outside the tree (a separate artifacts path), so look from
        // this source file and from the binaries.
        foreach (var start in new[] { SourceDir(), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Tanaka.slnx")))
                {
                    return Path.Combine(dir.FullName, "tests", "oracle", "fixtures", "generated");
                }
            }
        }

        Assert.Fail("Cannot find the repository root (the folder holding Tanaka.slnx).");
        return "";
    }

    private static string SourceDir([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? ".";
}
