using Tanaka.Crdt.Tests.Oracle;

namespace Tanaka.Crdt.Tests.Document;

/// <summary>Applying what a document already has changes nothing and reports so.</summary>
public sealed class IdempotenceTests
{
    [Fact]
    public void Every_update_applied_twice_reports_no_change_the_second_time()
    {
        var checkedUpdates = 0;
        foreach (var (file, index, name) in DocFixtures.ReplayScenarios().Where(s => s.File != "docs-replay-tabs.json").Take(120))
        {
            var scenario = DocFixtures.ReplayScenario(file, index);
            var updates = scenario["updates"]!.AsArray().Select(DocFixtures.Bytes).ToArray();
            var shuffled = scenario["deliveries"]![1]!["order"]!.AsArray().Select(n => (int)n!).ToArray();
            var doc = new YDoc(999);
            foreach (var i in shuffled)
            {
                doc.ApplyUpdate(updates[i]);
                var state = doc.EncodeStateAsUpdate();
                var again = doc.ApplyUpdate(updates[i]);
                again.Changed.ShouldBeFalse($"{name}: update {i} applied twice");
                again.ChangedKeys.ShouldBeEmpty($"{name}: update {i} applied twice");
                doc.EncodeStateAsUpdate().ShouldBe(state, $"{name}: update {i} applied twice");
                checkedUpdates++;
            }

            // The whole state, once more, is nothing new either.
            doc.ApplyUpdate(doc.EncodeStateAsUpdate()).Changed.ShouldBeFalse(name);
        }

        checkedUpdates.ShouldBeGreaterThan(1000);
    }
}
