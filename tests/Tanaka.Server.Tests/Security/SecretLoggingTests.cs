using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tanaka.Server.Domain;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;
using Tanaka.Server.Tests.Sync;

namespace Tanaka.Server.Tests.Security;

/// <summary>
/// A whole run at the most verbose log level (first start, token creation, syncs, wrong, revoked
/// and malformed tokens, throttling, restart) leaves no token and no token hash in the logs.
/// </summary>
public sealed class SecretLoggingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_token_or_token_hash_reaches_the_logs_of_a_run()
    {
        var console = new StringWriter();
        await using var server = await TanakaServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["observability.log_level"] = "trace",
                ["auth.max_failed_attempts_per_minute"] = "5",
            },
            services => services.AddSingleton(new ConsoleBanner(console)));
        var firstStart = console.ToString().Split().Single(w => w.StartsWith(AccessToken.Prefix, StringComparison.Ordinal));
        var auth = server.Services.GetRequiredService<IAuthService>();
        var created = await auth.CreateTokenAsync("laptop", "default", Cancel);
        var other = await auth.CreateTokenAsync("team", "workspace-b", Cancel);
        var revoked = await auth.CreateTokenAsync("old phone", "default", Cancel);
        await auth.RevokeTokenAsync(revoked.Record.Id, Cancel);
        string[] guessed = [AccessToken.Generate(), AccessToken.Generate(), "not-even-a-tanaka-token-" + Guid.NewGuid()];

        using (var device = new TestDevice(server.CreateClient(firstStart), "desktop"))
        {
            device.SetTab("t1", "https://bank.example/account", "Bank", 0);
            await device.SyncAsync();
        }

        using (var device = new TestDevice(server.CreateClient(created.Token), "laptop"))
        {
            device.SetTab("t2", "https://mail.example/inbox", "Mail", 1);
            await device.SyncAsync();
            await device.SyncAsync(SyncMode.SinceClock);
        }

        using (var device = new TestDevice(server.CreateClient(other.Token), "team-pc"))
        {
            device.SetTab("t3", "https://wiki.example/", "Wiki", 0);
            await device.SyncAsync();
        }

        // Failed attempts from another address, enough to be throttled, then a valid token from it.
        using (var attacker = SecurityProbe.ClientFrom(server.BaseAddress, IPAddress.Parse("127.0.0.9")))
        {
            foreach (var authorization in guessed.Select(g => "Bearer " + g).Concat(["Bearer " + revoked.Token, created.Token, "Basic " + created.Token]))
            {
                (await SecurityProbe.SendAsync(attacker, HttpMethod.Get, "tabs", authorization)).Dispose();
            }

            using var throttled = await SecurityProbe.SendAsync(attacker, HttpMethod.Get, "tabs", "Bearer " + created.Token);
            throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        }

        await server.RestartAsync();
        using (var afterRestart = server.CreateClient(created.Token))
        {
            await SyncApi.SyncAsync(afterRestart, SyncApi.Body("laptop"));
        }

        var entries = server.Logs.Entries;
        entries.ShouldContain(e => e.Level == LogLevel.Trace || e.Level == LogLevel.Debug, "the run logged at the most verbose level");
        entries.ShouldContain(e => e.Message.Contains("unknown token", StringComparison.Ordinal), "wrong tokens were logged");
        entries.ShouldContain(e => e.Message.Contains("revoked token", StringComparison.Ordinal), "the revoked token's use was logged");
        entries.ShouldContain(e => e.Message.Contains("127.0.0.9", StringComparison.Ordinal), "failed attempts name the client address");
        var logs = server.Logs.AllText();
        foreach (var token in new[] { firstStart, created.Token, other.Token, revoked.Token }.Concat(guessed))
        {
            foreach (var form in SecretForms(token))
            {
                logs.ShouldNotContain(form, Case.Insensitive, $"a form of token {token[..10]}… is in the logs");
            }
        }
    }

    /// <summary>The token, its random part, and its SHA-256 hash as hex and base64.</summary>
    private static IEnumerable<string> SecretForms(string token)
    {
        yield return token;
        if (token.StartsWith(AccessToken.Prefix, StringComparison.Ordinal))
        {
            yield return token[AccessToken.Prefix.Length..];
        }

        var hash = TokenHash.Of(token);
        yield return Convert.ToHexString(hash);
        yield return Convert.ToBase64String(hash);
        yield return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
