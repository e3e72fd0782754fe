namespace Tanaka.Server.Errors;

public static class ErrorServiceCollectionExtensions
{
    /// <summary>problem+json for every error: typed <see cref="AppError"/>s, framework failures and bare status codes.</summary>
    public static IServiceCollection AddErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Complete);
        services.AddExceptionHandler<AppExceptionHandler>();
        // Binding failures throw BadHttpRequestException so they reach AppExceptionHandler with their cause,
        // instead of ending as a bare 400 with an empty body.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Gives framework-made problems (unknown route, wrong method) the same shape as ours.</summary>
    private static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.ContainsKey(AppProblem.CodeKey))
        {
            var error = FromStatus(status, context.HttpContext.Request);
            problem.Extensions[AppProblem.CodeKey] = error.Code;
            problem.Type = ErrorCodes.TypeUri(error.Code);
            problem.Title = error.Title;
            problem.Detail ??= error.Detail;
        }

        problem.Extensions[AppProblem.TraceIdKey] = AppProblem.TraceId(context.HttpContext);
    }

    private static AppError FromStatus(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status401Unauthorized => new AppError.Unauthorized("Send a valid token in the Authorization header."),
        StatusCodes.Status403Forbidden => new AppError.Forbidden("This token does not allow this operation."),
        StatusCodes.Status404NotFound => new AppError.NotFound($"Nothing is served at {request.Path}."),
        StatusCodes.Status405MethodNotAllowed => new AppError.MethodNotAllowed($"{request.Path} does not accept {request.Method}."),
        StatusCodes.Status413PayloadTooLarge => new AppError.PayloadTooLarge("The request body is larger than the server accepts."),
        StatusCodes.Status415UnsupportedMediaType => new AppError.UnsupportedMediaType("Send the body as application/json."),
        StatusCodes.Status429TooManyRequests => new AppError.RateLimited("Slow down and retry later.", TimeSpan.Zero),
        StatusCodes.Status503ServiceUnavailable => new AppError.Unavailable("Retry later."),
        >= 500 => new AppError.Internal(),
        _ => new AppError.Validation("The request is not valid.", new Dictionary<string, string[]>()),
    };
}
