using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Tanaka.Server.Errors;

/// <summary>
/// The one place exceptions become responses: <see cref="AppException"/> maps to its error,
/// framework request failures (bad JSON, body too large, failed binding) map to 4xx codes, and
/// anything else is a 500 <c>internal_error</c> that says nothing about the cause.
/// </summary>
internal sealed partial class AppExceptionHandler(ILogger<AppExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            LogClientAborted(logger, httpContext.Request.Method, httpContext.Request.Path);
            return true;
        }

        var error = Classify(exception);
        if (error is AppError.Internal)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, AppProblem.TraceId(httpContext));
        }
        else
        {
            LogRequestFailed(logger, error.Code, error.Status, httpContext.Request.Method, httpContext.Request.Path);
        }

        await AppProblem.WriteAsync(httpContext, error);
        return true;
    }

    internal static AppError Classify(Exception exception) => exception switch
    {
        AppException app => app.Error,
        BadHttpRequestException bad => FromBadRequest(bad),
        JsonException json => new AppError.InvalidJson(DescribeJson(json)),
        _ => new AppError.Internal(),
    };

    private static AppError FromBadRequest(BadHttpRequestException exception) => exception switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            new AppError.PayloadTooLarge("The request body is larger than the server accepts (server.max_request_body_bytes)."),
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            new AppError.UnsupportedMediaType("Send the body as application/json."),
        { InnerException: JsonException json } => new AppError.InvalidJson(DescribeJson(json)),
        _ => new AppError.Validation(exception.Message, new Dictionary<string, string[]>()),
    };

    private static string DescribeJson(JsonException exception) =>
        exception.Path is { Length: > 0 } path
            ? $"The request body could not be read as JSON at {path} (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): a value is malformed or has the wrong type."
            : "The request body could not be read as JSON.";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path, string traceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request failed with {Code} ({Status}) for {Method} {Path}")]
    private static partial void LogRequestFailed(ILogger logger, string code, int status, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Client aborted {Method} {Path}")]
    private static partial void LogClientAborted(ILogger logger, string method, PathString path);
}
