using Microsoft.Net.Http.Headers;

namespace Tanaka.Server.Middleware;

/// <summary>
/// Security headers on every response, errors included: no MIME sniffing, no framing, no
/// referrer, and no caching unless an endpoint chose a Cache-Control itself (responses carry
/// private tab data).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Registered first, so it runs after every other OnStarting callback and sees the final content type.
        context.Response.OnStarting(static state =>
        {
            Apply((HttpResponse)state);
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }

    internal static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // HTML (API docs) needs to load its own scripts; everything else is data and may load nothing.
        headers.ContentSecurityPolicy = IsHtml(response.ContentType)
            ? "frame-ancestors 'none'"
            : "default-src 'none'; frame-ancestors 'none'";
        if (!headers.ContainsKey(HeaderNames.CacheControl))
        {
            headers.CacheControl = "no-store";
        }
    }

    private static bool IsHtml(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
