using Microsoft.Extensions.DependencyInjection;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>One server shared by the bad-input table: a default workspace with a few tabs and windows, and tokens of every kind.</summary>
public sealed class BadInputServer : IAsyncLifetime
{
    public const string DefaultToken = "bad-input-test-token";
    public const int MaxUpdateBytes = 4096;
    public const int MaxRequestBodyBytes = 64 * 1024;
    public const int RateLimitRequests = 3;

    internal TanakaServer Server { get; private set; } = null!;

    internal HttpClient Client { get; private set; } = null!;

    public string OtherWorkspaceToken { get; private set; } = null!;

    public string RevokedToken { get; private set; } = null!;

    /// <summary>A valid update that would add a tab (never sent by the fixture).</summary>
    public byte[] ValidUpdate { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["auth.token"] = DefaultToken,
            ["auth.max_failed_attempts_per_minute"] = "1000",
            ["sync.max_update_bytes"] = MaxUpdateBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sync.rate_limit_requests"] = RateLimitRequests.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["server.max_request_body_bytes"] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Client = Server.CreateClient(DefaultToken);

        using var seed = new TestDevice(Client, "seed");
        seed.SetWindow("w1", tracked: true, focused: true);
        for (var i = 0; i < 3; i++)
        {
            seed.SetTab($"t{i}", $"https://example.com/{i}", $"Tab {i}", i);
        }

        await seed.SyncAsync();

        using var other = new TestDevice(Client, "not-sent");
        other.SetTab("new", "https://example.org/", "New", 9);
        ValidUpdate = other.Unsent!;

        var auth = Server.Services.GetRequiredService<IAuthService>();
        OtherWorkspaceToken = (await auth.CreateTokenAsync("other", "workspace-b", TestContext.Current.CancellationToken)).Token;
        var revoked = await auth.CreateTokenAsync("revoked", "default", TestContext.Current.CancellationToken);
        await auth.RevokeTokenAsync(revoked.Record.Id, TestContext.Current.CancellationToken);
        RevokedToken = revoked.Token;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
