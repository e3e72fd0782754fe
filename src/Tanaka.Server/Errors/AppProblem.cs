using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Tanaka.Server.Errors;

/// <summary>Turns an <see cref="AppError"/> into RFC 9457 (formerly 7807) <c>application/problem+json</c>.</summary>
public static class AppProblem
{
    public const string CodeKey = "code";
    public const string TraceIdKey = "traceId";

    /// <summary>The problem document for an error: <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, <c>code</c>, <c>traceId</c> and, when per-field, <c>errors</c>.</summary>
    public static ProblemDetails ToProblemDetails(this AppError error, HttpContext? httpContext = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        ProblemDetails problem = error.Errors is { } errors || error is AppError.Validation
            ? new HttpValidationProblemDetails(error.Errors?.ToDictionary() ?? [])
            : new ProblemDetails();
        problem.Type = ErrorCodes.TypeUri(error.Code);
        problem.Title = error.Title;
        problem.Status = error.Status;
        problem.Detail = error.Detail;
        problem.Extensions[CodeKey] = error.Code;
        if (httpContext is not null)
        {
            problem.Extensions[TraceIdKey] = TraceId(httpContext);
        }

        return problem;
    }

    /// <summary>A minimal-API result for handlers that return errors instead of throwing.</summary>
    public static ProblemHttpResult ToResult(this AppError error) => TypedResults.Problem(error.ToProblemDetails());

    /// <summary>Writes the error as the response; used by middleware and the exception handler.</summary>
    public static async Task WriteAsync(HttpContext httpContext, AppError error)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(error);
        var response = httpContext.Response;
        response.StatusCode = error.Status;
        if (error.RetryAfter is { } retryAfter)
        {
            response.Headers[HeaderNames.RetryAfter] = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var problem = error.ToProblemDetails(httpContext);
        var service = httpContext.RequestServices.GetService<IProblemDetailsService>();
        if (service is null || !await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }))
        {
            // The client's Accept header ruled out JSON; answer in problem+json anyway rather than with an empty body.
            await response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", httpContext.RequestAborted);
        }
    }

    /// <summary>The id that ties a response to its log lines: the W3C trace id when tracing, else the request id.</summary>
    public static string TraceId(HttpContext httpContext) =>
        Activity.Current?.Id ?? httpContext.TraceIdentifier;
}
