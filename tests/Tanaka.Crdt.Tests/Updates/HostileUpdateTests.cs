using CsCheck;
using Tanaka.Crdt.Tests.Oracle;
using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt.Tests.Updates;

/// <summary>
/// Real updates (from the oracle fixtures), damaged: whatever happens, decoding, merging and
/// diffing either succeed or throw <see cref="UpdateDecodeException"/>; any other exception
/// fails the test.
/// </summary>
public sealed class HostileUpdateTests
{
    private static readonly Lazy<byte[][]> Corpus = new(LoadCorpus);
    private static readonly Lazy<byte[][]> CorpusV2 = new(LoadCorpusV2);

    [Fact]
    public void Damaged_updates_raise_only_decode_errors()
    {
        var corpus = Corpus.Value;
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte);
        Gen.Select(Gen.Int[0, corpus.Length - 1], mutation.Array[1, 6])
            .Sample((index, mutations) => ExerciseAll(Damage(corpus[index], mutations), corpus[index]), iter: 3000);
    }

    [Fact]
    public void Damaged_v2_updates_raise_only_decode_errors()
    {
        var corpus = CorpusV2.Value;
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte);
        Gen.Select(Gen.Int[0, corpus.Length - 1], mutation.Array[1, 6])
            .Sample((index, mutations) =>
            {
                var damaged = Damage(corpus[index], mutations);
                Run(() => UpdateDecoder.DecodeV2(damaged));
                Run(() => YUpdate.ConvertV2ToV1(damaged));
            }, iter: 3000);
    }

    [Fact]
    public void Every_strict_prefix_of_a_real_v2_update_is_rejected()
    {
        foreach (var update in CorpusV2.Value.Take(20))
        {
            for (var length = 0; length < update.Length; length++)
            {
                var prefix = update[..length];
                Should.Throw<UpdateDecodeException>(() => YUpdate.ConvertV2ToV1(prefix));
            }

            YUpdate.ConvertV2ToV1(update);
        }
    }

    [Fact]
    public void Every_strict_prefix_of_a_real_update_is_rejected()
    {
        // A valid update parses to its very end, so any shorter prefix lacks bytes.
        foreach (var update in Corpus.Value.Take(40))
        {
            for (var length = 0; length < update.Length; length++)
            {
                var prefix = update[..length];
                var error = Should.Throw<UpdateDecodeException>(() => YUpdate.Validate(prefix));
                error.Error.ShouldBeOneOf(DecodeError.UnexpectedEnd, DecodeError.LengthExceedsInput);
            }

            YUpdate.Validate(update);
        }
    }

    private static void ExerciseAll(byte[] damaged, byte[] original)
    {
        var sv = YUpdate.EncodeStateVectorFromUpdate(original);
        Run(() => UpdateDecoder.Decode(damaged));
        Run(() => YUpdate.Merge([damaged, original]));
        Run(() => YUpdate.Merge([original, damaged, original]));
        Run(() => YUpdate.Diff(damaged, sv));
        Run(() => YUpdate.Diff(original, damaged));
        Run(() => YUpdate.EncodeStateVectorFromUpdate(damaged));
    }

    private static void Run(Func<object> operation)
    {
        try
        {
            operation();
        }
        catch (UpdateDecodeException)
        {
            // The one expected failure.
        }
    }

    private static byte[] Damage(byte[] update, (int Kind, int Position, byte Value)[] mutations)
    {
        var bytes = update.ToList();
        foreach (var (kind, position, value) in mutations)
        {
            var at = position % (bytes.Count + 1);
            switch (kind)
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)(value | 1);
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    bytes.Insert(at, value);
                    break;
                case 3 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                case 4 when at < bytes.Count:
                    bytes[at] = value;
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[][] LoadCorpusV2() =>
    [
        .. new[] { "updates-special.json", "updates-random.json" }
            .SelectMany(file => OracleFixtures.Load(file)["scenarios"]!.AsArray().Take(40))
            .SelectMany(scenario => scenario!["v2"]!.AsArray().Select(v => OracleFixtures.Bytes(v!["v2"])))
            .Where(u => u.Length < 4000),
    ];

    private static byte[][] LoadCorpus()
    {
        var updates = new List<byte[]>();
        foreach (var file in new[] { "updates-special.json", "updates-random.json" })
        {
            foreach (var scenario in OracleFixtures.Load(file)["scenarios"]!.AsArray().Take(30))
            {
                updates.AddRange(scenario!["updates"]!.AsArray().Select(OracleFixtures.Bytes).Where(u => u.Length < 4000).Take(6));
            }
        }

        return [.. updates];
    }
}
