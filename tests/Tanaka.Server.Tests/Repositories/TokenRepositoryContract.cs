using System.Security.Cryptography;
using System.Text;
using Tanaka.Server.Domain;
using static Tanaka.Server.Tests.Repositories.StorageSamples;

namespace Tanaka.Server.Tests.Repositories;

/// <summary>Tokens are kept as SHA-256 hashes, found by hash, revoked, and stamped when used.</summary>
public abstract class TokenRepositoryContract : StorageContract
{
    [Fact]
    public async Task A_created_token_is_found_by_the_hash_of_its_text()
    {
        var created = await Storage.Tokens.CreateAsync("laptop", WorkspaceA, TokenHash.Of("secret-token-1"), At(1), Ct);

        var found = await Storage.Tokens.FindByHashAsync(SHA256.HashData(Encoding.UTF8.GetBytes("secret-token-1")), Ct);

        found.ShouldBe(created, new TokenComparer());
        found!.Name.ShouldBe("laptop");
        found.WorkspaceId.ShouldBe(WorkspaceA);
        found.CreatedAt.ShouldBe(At(1));
        found.LastUsedAt.ShouldBeNull();
        found.IsRevoked.ShouldBeFalse();
        (await Storage.Tokens.FindByHashAsync(TokenHash.Of("secret-token-2"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Creating_a_token_creates_its_workspace()
    {
        await Storage.Tokens.CreateAsync("cli", "brand-new", TokenHash.Of("x"), At(1), Ct);

        (await Storage.Workspaces.GetAsync("brand-new", Ct)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public async Task Anything_but_a_SHA256_hash_is_refused(int length)
    {
        await Should.ThrowAsync<ArgumentException>(() => Storage.Tokens.CreateAsync("bad", WorkspaceA, new byte[length], At(1), Ct));
        (await Storage.Tokens.ListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Revoking_marks_the_token_once_and_leaves_others_alone()
    {
        var a = await Storage.Tokens.CreateAsync("a", WorkspaceA, TokenHash.Of("a"), At(1), Ct);
        var b = await Storage.Tokens.CreateAsync("b", WorkspaceB, TokenHash.Of("b"), At(2), Ct);
        (await Storage.Tokens.CountActiveAsync(Ct)).ShouldBe(2);

        (await Storage.Tokens.RevokeAsync(a.Id, At(3), Ct)).ShouldBeTrue();
        (await Storage.Tokens.RevokeAsync(a.Id, At(4), Ct)).ShouldBeFalse();
        (await Storage.Tokens.RevokeAsync(999_999, At(4), Ct)).ShouldBeFalse();

        (await Storage.Tokens.FindByHashAsync(TokenHash.Of("a"), Ct))!.RevokedAt.ShouldBe(At(3));
        (await Storage.Tokens.GetAsync(b.Id, Ct))!.IsRevoked.ShouldBeFalse();
        (await Storage.Tokens.CountActiveAsync(Ct)).ShouldBe(1);
        (await Storage.Tokens.ListAsync(Ct)).Select(t => (t.Name, t.IsRevoked)).ShouldBe([("a", true), ("b", false)]);
    }

    [Fact]
    public async Task Marking_a_use_records_the_time()
    {
        var token = await Storage.Tokens.CreateAsync("a", WorkspaceA, TokenHash.Of("a"), At(1), Ct);

        await Storage.Tokens.MarkUsedAsync(token.Id, At(60), Ct);
        await Storage.Tokens.MarkUsedAsync(token.Id, At(120), Ct);

        (await Storage.Tokens.GetAsync(token.Id, Ct))!.LastUsedAt.ShouldBe(At(120));
    }

    [Fact]
    public async Task Ids_are_distinct_and_ascending()
    {
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await Storage.Tokens.CreateAsync($"t{i}", WorkspaceA, TokenHash.Of($"t{i}"), At(i), Ct)).Id);
        }

        ids.ShouldBeInOrder(SortDirection.Ascending);
        ids.Distinct().Count().ShouldBe(4);
        (await Storage.Tokens.ListAsync(Ct)).Select(t => t.Id).ShouldBe(ids);
    }

    /// <summary>Records compare byte arrays by reference; tokens are the same when every field and the hash bytes are.</summary>
    private sealed class TokenComparer : IEqualityComparer<TokenRecord?>
    {
        public bool Equals(TokenRecord? x, TokenRecord? y) =>
            x is not null && y is not null && x with { Hash = [] } == y with { Hash = [] } && x.Hash.AsSpan().SequenceEqual(y.Hash);

        public int GetHashCode(TokenRecord? obj) => obj?.Id.GetHashCode() ?? 0;
    }
}
