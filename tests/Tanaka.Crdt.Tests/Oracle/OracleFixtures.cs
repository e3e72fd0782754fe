using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Tanaka.Crdt.Tests.Oracle;

/// <summary>
/// Loads JSON fixtures that the oracle generators (tests/oracle/gen-*.mjs, the real yjs) write
/// to tests/oracle/fixtures/generated/. A missing fixture fails the test with instructions; it
/// is never skipped.
/// </summary>
internal static class OracleFixtures
{
    private static readonly Lazy<string> GeneratedDir = new(FindGeneratedDir);
    private static readonly Dictionary<string, JsonObject> Cache = [];
    private static readonly Lock Sync = new();

    /// <summary>The folder the generators write to.</summary>
    public static string Directory => GeneratedDir.Value;

    /// <summary>Loads fixtures/generated/<paramref name="file"/> (for example "updates-random.json"), once per test run.</summary>
    public static JsonObject Load(string file)
    {
        lock (Sync)
        {
            if (!Cache.TryGetValue(file, out var root))
            {
                var path = Path.Combine(GeneratedDir.Value, file);
                if (!File.Exists(path))
                {
                    Assert.Fail($"Oracle fixture {path} is missing: run `node tests/oracle/generate.mjs` from the repository root.");
                }

                root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
                Cache[file] = root;
            }

            return root;
        }
    }

    /// <summary>The names of the generated files that match a pattern such as "updates-*.json"; fails when there are none.</summary>
    public static string[] Files(string pattern)
    {
        var dir = GeneratedDir.Value;
        var files = System.IO.Directory.Exists(dir)
            ? System.IO.Directory.GetFiles(dir, pattern).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : [];
        if (files.Length == 0)
        {
            Assert.Fail($"No oracle fixtures {pattern} in {dir}: run `node tests/oracle/generate.mjs` from the repository root.");
        }

        return files;
    }

    public static byte[] Bytes(JsonNode? node) => Convert.FromBase64String((string)node!);

    /// <summary>
    /// Whether <paramref name="actual"/> is what an expectation holds: { result: base64 } or, for
    /// large results, { sha256: hex, length }.
    /// </summary>
    public static bool Matches(JsonObject expectation, ReadOnlySpan<byte> actual)
    {
        if (expectation["result"] is { } result)
        {
            return actual.SequenceEqual(Bytes(result));
        }

        var length = (int)expectation["length"]!;
        var hash = Convert.ToHexStringLower(SHA256.HashData(actual));
        return actual.Length == length && hash == (string)expectation["sha256"]!;
    }

    /// <summary>The expected bytes for messages (base64), or a note that only a hash was stored.</summary>
    public static string Describe(JsonObject expectation) =>
        expectation["result"] is { } result ? (string)result! : $"sha256 {(string)expectation["sha256"]!} ({(int)expectation["length"]!} bytes)";

    private static string FindGeneratedDir()
    {
        // Test binaries may live outside the tree (a separate artifacts path), so look from this
        // source file, from the binaries and from the working directory.
        foreach (var start in new[] { SourceDir(), AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
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

    private static string SourceDir([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
