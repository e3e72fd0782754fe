using System.Diagnostics;

namespace Tanaka.Server.Middleware;

/// <summary>
/// One log line per request: method, path, status and duration. Deliberately nothing else: the
/// query string and headers can carry tokens, and tab data is private.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    private static readonly PathString[] ProbePaths = ["/healthz", "/ready", "/health"];

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var request = context.Request;
            var path = request.PathBase.Add(request.Path);
            // Health probes arrive every few seconds; keep them out of the normal log level.
            var level = ProbePaths.Any(p => p.Equals(request.Path, StringComparison.OrdinalIgnoreCase)) ? LogLevel.Debug : LogLevel.Information;
            LogRequest(logger, level, request.Method, path, context.Response.StatusCode, elapsedMs);
        }
    }

    [LoggerMessage(Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, LogLevel level, string method, PathString path, int statusCode, double elapsedMs);
}
