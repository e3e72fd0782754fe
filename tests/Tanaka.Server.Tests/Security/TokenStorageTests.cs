using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Domain;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;
using Tanaka.Server.Tests.Sync;

namespace Tanaka.Server.Tests.Security;

/// <summary>Tokens carry 256 random bits, and the database (read as raw files) holds only their SHA-256 hashes.</summary>
public sealed class TokenStorageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Generated_tokens_carry_256_random_bits()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => AccessToken.Generate()).ToList();

        var randomParts = tokens.Select(t =>
        {
            t.ShouldStartWith(AccessToken.Prefix);
            return FromBase64Url(t[AccessToken.Prefix.Length..]);
        }).ToList();

        randomParts.ShouldAllBe(bytes => bytes.Length * 8 >= 256);
        randomParts.Select(Convert.ToHexString).Distinct().Count().ShouldBe(tokens.Count);
        // Every bit position takes both values across 200 tokens (a stuck bit would have probability 2^-199).
        for (var bit = 0; bit < 256; bit++)
        {
            var ones = randomParts.Count(b => (b[bit / 8] & (1 << (bit % 8))) != 0);
            ones.ShouldBeInRange(1, tokens.Count - 1, $"bit {bit}");
        }
    }

    [Fact]
    public async Task The_database_files_hold_token_hashes_and_never_the_tokens()
    {
        var console = new StringWriter();
        using var dir = new TempDirectory();
        List<string> tokens;
        string databasePath;
        await using (var server = await TanakaServer.StartAsync(
            new Dictionary<string, string?> { ["server.data_dir"] = dir.File("data") },
            services => services.AddSingleton(new ConsoleBanner(console))))
        {
            var auth = server.Services.GetRequiredService<IAuthService>();
            tokens = [console.ToString().Split().Single(w => w.StartsWith(AccessToken.Prefix, StringComparison.Ordinal))];
            for (var i = 0; i < 3; i++)
            {
                tokens.Add((await auth.CreateTokenAsync($"device {i}", i == 0 ? "default" : $"workspace-{i}", Cancel)).Token);
            }

            foreach (var token in tokens)
            {
                using var client = server.CreateClient(token);
                await SyncApi.SyncAsync(client, SyncApi.Body("device"));
            }

            databasePath = server.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value
                .ResolvePath(server.Services.GetRequiredService<IOptions<ServerOptions>>().Value);

            // While the server runs (WAL and all), then again after it stopped and checkpointed.
            AssertNoTokenIn(Path.GetDirectoryName(databasePath)!, tokens);
        }

        AssertNoTokenIn(Path.GetDirectoryName(databasePath)!, tokens);
        // The search reads the real data: each token's hash is there, in the raw bytes of the database or its WAL.
        var files = Directory.GetFiles(Path.GetDirectoryName(databasePath)!).Select(File.ReadAllBytes).ToList();
        foreach (var token in tokens)
        {
            files.Any(bytes => bytes.AsSpan().IndexOf(TokenHash.Of(token)) >= 0).ShouldBeTrue("the token's hash is stored");
        }
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM tokens";
        using var reader = command.ExecuteReader();
        var storedHashes = new List<string>();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] blob ? Convert.ToHexString(blob) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
                foreach (var token in tokens)
                {
                    value.ShouldNotContain(token[AccessToken.Prefix.Length..], Case.Sensitive, $"column {reader.GetName(i)}");
                }
            }

            storedHashes.Add(Convert.ToHexString((byte[])reader["token_hash"]));
        }

        storedHashes.ShouldBe(tokens.Select(t => Convert.ToHexString(TokenHash.Of(t))), ignoreOrder: true);
    }

    private static void AssertNoTokenIn(string dataDir, IReadOnlyList<string> tokens)
    {
        var files = Directory.GetFiles(dataDir, "*", SearchOption.AllDirectories);
        files.ShouldNotBeEmpty();
        foreach (var file in files)
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }

            foreach (var token in tokens)
            {
                var random = token[AccessToken.Prefix.Length..];
                foreach (var form in new[] { Encoding.UTF8.GetBytes(random), Encoding.Unicode.GetBytes(random), FromBase64Url(random) })
                {
                    bytes.AsSpan().IndexOf(form).ShouldBe(-1, $"{Path.GetFileName(file)} holds a form of a token");
                }
            }
        }
    }

    private static byte[] FromBase64Url(string text)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '='));
    }
}
