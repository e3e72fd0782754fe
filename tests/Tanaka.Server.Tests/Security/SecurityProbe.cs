using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Tanaka.Server.Tests.Security;

/// <summary>Raw requests the security tests send: chosen Authorization headers and chosen client addresses.</summary>
internal static class SecurityProbe
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A client whose connections come from <paramref name="localAddress"/> (any 127.x.y.z is
    /// loopback on Linux), so the server sees a different client address per client.
    /// </summary>
    public static HttpClient ClientFrom(Uri baseAddress, IPAddress localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(localAddress, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress };
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with the raw Authorization value (none when null).</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? authorization, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization).ShouldBeTrue();
        }

        return await client.SendAsync(request, Cancel);
    }

    /// <summary>Asserts a 401 problem+json with code <c>unauthorized</c>; <paramref name="what"/> names the case in failures.</summary>
    public static async Task ShouldBeUnauthorizedAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        ((int)response.StatusCode).ShouldBe(401, $"{what}: {body}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", what);
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("code").GetString().ShouldBe("unauthorized", what);
        response.Headers.WwwAuthenticate.ShouldContain(new AuthenticationHeaderValue("Bearer"), what);
    }

    /// <summary>The problem+json <c>code</c> of a response.</summary>
    public static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return problem.RootElement.GetProperty("code").GetString();
    }
}
