using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tanaka.Server.Domain;
using Tanaka.Server.Repositories.Sqlite;

namespace Tanaka.Server.Tests.Repositories.Sqlite;

public sealed class SqliteTokenStorageTests
{
    [Fact]
    public async Task The_token_text_never_reaches_the_database_files_only_its_hash()
    {
        const string Token = "tnk_plain-text-that-must-never-be-stored-0123456789";
        await using var storage = await SqliteStorageHarness.StartAsync();
        await storage.Tokens.CreateAsync("laptop", "ws-a", TokenHash.Of(Token), StorageSamples.At(1), TestContext.Current.CancellationToken);
        // Close the connections so every byte is in the files we scan.
        storage.Services.GetRequiredService<SqliteDatabase>().Dispose();

        var bytes = Directory.GetFiles(storage.DataDir).SelectMany(File.ReadAllBytes).ToArray();

        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Token)).ShouldBe(-1);
        bytes.AsSpan().IndexOf(TokenHash.Of(Token)).ShouldBeGreaterThanOrEqualTo(0);
    }
}
