using System.Text;
using System.Text.Json.Nodes;
using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt.Tests.Oracle;

/// <summary>
/// Compares <see cref="YUpdate"/> byte for byte with what yjs 13.6.33 answered for the same
/// inputs (fixtures from tests/oracle/gen-updates.mjs). Each test walks every scenario of every
/// updates-*.json file and reports every mismatch, not only the first.
/// </summary>
public sealed class UpdateOracleTests(ITestOutputHelper output)
{
    public static TheoryData<string> UpdateFiles() => ["updates-random.json", "updates-tabs.json", "updates-special.json"];

    [Fact]
    public void Every_generated_updates_file_is_covered()
    {
        OracleFixtures.Files("updates-*.json").ShouldBe(UpdateFiles().Select(row => row.Data).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UpdateFiles))]
    public void Every_update_decodes(string file)
    {
        var failures = new StringBuilder();
        var count = 0;
        foreach (var scenario in Scenarios(file))
        {
            var updates = UpdatesOf(scenario);
            for (var i = 0; i < updates.Length; i++)
            {
                count++;
                try
                {
                    var decoded = UpdateDecoder.Decode(updates[i]);
                    YUpdate.Validate(updates[i]);
                    decoded.Clients.Count.ShouldBeGreaterThanOrEqualTo(0);
                }
                catch (Exception e)
                {
                    failures.AppendLine($"{Name(scenario)} update {i}: {e.GetType().Name} {e.Message}");
                }
            }
        }

        Report(file, "decode", count, failures);
    }

    [Theory]
    [MemberData(nameof(UpdateFiles))]
    public void Merge_matches_yjs(string file) => CompareMerges(file, ties: false);

    /// <summary>
    /// Merges where a GC and an Item start at the same ID: Yjs's answer there follows from V8's
    /// sort, which <see cref="YUpdate.Merge"/> reproduces for fewer than 64 inputs.
    /// </summary>
    [Theory]
    [MemberData(nameof(UpdateFiles))]
    public void Merge_matches_yjs_on_gc_versus_item_ties(string file) => CompareMerges(file, ties: true);

    [Theory]
    [MemberData(nameof(UpdateFiles))]
    public void Diff_matches_yjs(string file)
    {
        var failures = new StringBuilder();
        var count = 0;
        foreach (var scenario in Scenarios(file))
        {
            var updates = UpdatesOf(scenario);
            foreach (var diff in scenario["diffs"]!.AsArray().Select(d => d!.AsObject()))
            {
                count++;
                var update = updates[(int)diff["update"]!];
                var sv = OracleFixtures.Bytes(diff["sv"]);
                Check(failures, scenario, $"diff of update {(int)diff["update"]!} against {Convert.ToHexString(sv)}", diff, () => YUpdate.Diff(update, sv));
            }
        }

        Report(file, "diff", count, failures);
    }

    [Theory]
    [MemberData(nameof(UpdateFiles))]
    public void State_vector_from_update_matches_yjs(string file)
    {
        var failures = new StringBuilder();
        var count = 0;
        foreach (var scenario in Scenarios(file))
        {
            var updates = UpdatesOf(scenario);
            foreach (var sv in scenario["stateVectors"]!.AsArray().Select(d => d!.AsObject()))
            {
                count++;
                var update = updates[(int)sv["update"]!];
                Check(failures, scenario, $"state vector of update {(int)sv["update"]!}", sv, () => YUpdate.EncodeStateVectorFromUpdate(update));
            }
        }

        Report(file, "state vector", count, failures);
    }

    [Theory]
    [MemberData(nameof(UpdateFiles))]
    public void V2_to_v1_conversion_matches_yjs(string file)
    {
        var failures = new StringBuilder();
        var count = 0;
        foreach (var scenario in Scenarios(file))
        {
            foreach (var v2 in scenario["v2"]!.AsArray().Select(d => d!.AsObject()))
            {
                count++;
                var update = OracleFixtures.Bytes(v2["v2"]);
                Check(failures, scenario, $"v2 update {(string)v2["v2"]!}", v2, () => YUpdate.ConvertV2ToV1(update));
            }
        }

        Report(file, "v2 to v1", count, failures);
    }

    private void CompareMerges(string file, bool ties)
    {
        var failures = new StringBuilder();
        var count = 0;
        foreach (var scenario in Scenarios(file))
        {
            var updates = UpdatesOf(scenario);
            foreach (var merge in scenario["merges"]!.AsArray().Select(m => m!.AsObject()))
            {
                if ((bool)merge["gcItemTie"]! != ties)
                {
                    continue;
                }

                count++;
                var inputs = merge["inputs"]!.AsArray().Select(i => (int)i!).ToArray();
                Check(failures, scenario, $"merge of [{string.Join(",", inputs)}]", merge, () => YUpdate.Merge([.. inputs.Select(i => updates[i])]));
            }
        }

        Report(file, ties ? "merge (GC/Item ties)" : "merge", count, failures);
    }

    private static void Check(StringBuilder failures, JsonObject scenario, string what, JsonObject expectation, Func<byte[]> run)
    {
        try
        {
            var actual = run();
            if (!OracleFixtures.Matches(expectation, actual))
            {
                failures.AppendLine($"{Name(scenario)} {what}: expected {OracleFixtures.Describe(expectation)}, got {Convert.ToBase64String(actual)}");
            }
        }
        catch (Exception e)
        {
            failures.AppendLine($"{Name(scenario)} {what}: {e.GetType().Name} {e.Message}");
        }
    }

    private void Report(string file, string what, int count, StringBuilder failures)
    {
        var failed = failures.Length == 0 ? 0 : failures.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        output.WriteLine($"{file}: {count - failed}/{count} {what} cases match yjs byte for byte");
        count.ShouldBeGreaterThan(0, $"{file} has no {what} cases");
        if (failed > 0)
        {
            Assert.Fail($"{failed} of {count} {what} cases in {file} differ from yjs:\n{failures}");
        }
    }

    private static IEnumerable<JsonObject> Scenarios(string file) =>
        OracleFixtures.Load(file)["scenarios"]!.AsArray().Select(s => s!.AsObject());

    private static byte[][] UpdatesOf(JsonObject scenario) =>
        [.. scenario["updates"]!.AsArray().Select(OracleFixtures.Bytes)];

    private static string Name(JsonObject scenario) => (string)scenario["name"]!;
}
