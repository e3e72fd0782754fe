using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tanaka.Server.Errors;

namespace Tanaka.Server.Tests.Errors;

/// <summary>Test-only endpoints, mapped inside the real pipeline, that fail in every way the server must handle.</summary>
internal static class ErrorEndpoints
{
    public const string SecretDetail = "connection string Data Source=/secret/path.db;Password=hunter2";

    /// <summary>One instance of every <see cref="AppError"/> case, keyed by its code.</summary>
    public static readonly IReadOnlyDictionary<string, AppError> Samples = new Dictionary<string, AppError>
    {
        [ErrorCodes.ValidationFailed] = new AppError.Validation("windowId", "must not be empty"),
        [ErrorCodes.InvalidJson] = new AppError.InvalidJson("The request body is not JSON."),
        [ErrorCodes.InvalidUpdate] = new AppError.InvalidUpdate("The update ends in the middle of a struct."),
        [ErrorCodes.Unauthorized] = new AppError.Unauthorized("The token is not valid."),
        [ErrorCodes.Forbidden] = new AppError.Forbidden("This token cannot manage tokens."),
        [ErrorCodes.NotFound] = new AppError.NotFound("Workspace 'w1' does not exist."),
        [ErrorCodes.MethodNotAllowed] = new AppError.MethodNotAllowed("Use POST."),
        [ErrorCodes.PayloadTooLarge] = new AppError.PayloadTooLarge("The update is larger than 1 MiB."),
        [ErrorCodes.UnsupportedMediaType] = new AppError.UnsupportedMediaType("Send application/octet-stream."),
        [ErrorCodes.DomainRuleViolated] = new AppError.DomainRuleViolated(
            "The workspace would exceed 5000 tabs.",
            new Dictionary<string, string[]> { ["tabs"] = ["at most 5000 tabs"] }),
        [ErrorCodes.RateLimited] = new AppError.RateLimited("600 requests per minute.", TimeSpan.FromSeconds(12.2)),
        [ErrorCodes.Unavailable] = new AppError.Unavailable("The database is busy.", TimeSpan.FromSeconds(2)),
        [ErrorCodes.InternalError] = new AppError.Internal(),
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        // Anonymous, so the tests exercise error handling whatever authentication policy the server has.
        var group = app.MapGroup("/test").AllowAnonymous();
        group.MapGet("/throw/{code}", (string code) => Throw(code));
        group.MapGet("/result/{code}", (string code) => Samples[code].ToResult());
        group.MapGet("/crash", () => Crash());
        group.MapPost("/echo", (EchoRequest request) => TypedResults.Ok(request));
        group.MapGet("/slow", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return TypedResults.Ok();
        });
        group.MapGet("/items/{id:int}", (int id) => TypedResults.Ok(id));
        group.MapGet("/query", (int count) => TypedResults.Ok(count));
    }

    private static IResult Throw(string code) => throw new AppException(Samples[code]);

    private static IResult Crash() => throw new InvalidOperationException(SecretDetail);
}

public sealed record EchoRequest(string Name, int Count, byte[]? Data);
