using System.Net;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Security;

/// <summary>Guessing tokens is throttled per client address (the server sees each 127.x address apart), and logged without the token.</summary>
public sealed class FailedAttemptThrottleTests
{
    private const int Limit = 4;
    private const string Valid = "the-configured-token-of-default";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_address_that_used_up_its_failed_attempts_gets_429_while_other_addresses_are_unaffected()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["auth.token"] = Valid,
            ["auth.max_failed_attempts_per_minute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var guesser = SecurityProbe.ClientFrom(server.BaseAddress, IPAddress.Parse("127.0.0.2"));
        using var neighbour = SecurityProbe.ClientFrom(server.BaseAddress, IPAddress.Parse("127.0.0.3"));
        var guesses = Enumerable.Range(0, Limit + 2).Select(_ => AccessToken.Generate()).ToList();

        var statuses = new List<HttpStatusCode>();
        foreach (var guess in guesses)
        {
            using var response = await SecurityProbe.SendAsync(guesser, HttpMethod.Post, "sync", "Bearer " + guess);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                (await SecurityProbe.CodeAsync(response)).ShouldBe("rate_limited");
                response.Headers.RetryAfter.ShouldNotBeNull();
            }
        }

        using var validFromGuesser = await SecurityProbe.SendAsync(guesser, HttpMethod.Get, "tabs", "Bearer " + Valid);
        using var wrongFromNeighbour = await SecurityProbe.SendAsync(neighbour, HttpMethod.Get, "tabs", "Bearer " + AccessToken.Generate());
        using var validFromNeighbour = await SecurityProbe.SendAsync(neighbour, HttpMethod.Get, "tabs", "Bearer " + Valid);

        statuses.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, Limit), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        validFromGuesser.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "a blocked address learns nothing, not even from a right guess");
        await SecurityProbe.ShouldBeUnauthorizedAsync(wrongFromNeighbour, "another address keeps its own budget");
        validFromNeighbour.StatusCode.ShouldBe(HttpStatusCode.OK);

        var rejections = server.Logs.Entries.Where(e => e.Message.Contains("Rejected access from 127.0.0.2", StringComparison.Ordinal)).ToList();
        rejections.Count.ShouldBe(Limit, "each failed attempt is logged, with the address");
        var logs = server.Logs.AllText();
        foreach (var token in guesses.Append(Valid))
        {
            logs.ShouldNotContain(token);
        }
    }

    [Fact]
    public async Task Malformed_authorization_headers_count_as_failed_attempts()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["auth.token"] = Valid,
            ["auth.max_failed_attempts_per_minute"] = "2",
        });
        using var client = SecurityProbe.ClientFrom(server.BaseAddress, IPAddress.Parse("127.0.0.4"));

        using var first = await SecurityProbe.SendAsync(client, HttpMethod.Get, "tabs", "Basic " + Valid);
        using var second = await SecurityProbe.SendAsync(client, HttpMethod.Get, "tabs", Valid);
        using var third = await SecurityProbe.SendAsync(client, HttpMethod.Get, "tabs", "Bearer " + Valid);

        await SecurityProbe.ShouldBeUnauthorizedAsync(first, "Basic scheme");
        await SecurityProbe.ShouldBeUnauthorizedAsync(second, "no scheme");
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        server.Logs.AllText().ShouldNotContain(Valid);
    }
}
