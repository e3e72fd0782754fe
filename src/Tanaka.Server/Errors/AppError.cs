namespace Tanaka.Server.Errors;

/// <summary>
/// The closed set of errors the server reports to clients. Each case has a stable machine
/// <see cref="Code"/> (documented in docs/ERRORS.md) and an HTTP <see cref="Status"/>; the
/// private constructor keeps the set closed to the cases nested here.
/// </summary>
public abstract class AppError
{
    private AppError(string detail) => Detail = detail;

    /// <summary>Stable machine-readable code, e.g. <c>validation_failed</c>.</summary>
    public abstract string Code { get; }

    public abstract int Status { get; }

    /// <summary>Short summary of the kind of problem; the same for every occurrence of a code.</summary>
    public abstract string Title { get; }

    /// <summary>What went wrong this time, for a human. Must never contain secrets or internals.</summary>
    public string Detail { get; }

    /// <summary>Per-field messages (validation and domain rule errors), keyed by field path.</summary>
    public virtual IReadOnlyDictionary<string, string[]>? Errors => null;

    /// <summary>Sent as the <c>Retry-After</c> header when set.</summary>
    public virtual TimeSpan? RetryAfter => null;

    public override string ToString() => $"{Code}: {Detail}";

    /// <summary>The request is malformed: a field is missing, has the wrong type or breaks a limit.</summary>
    public sealed class Validation(string detail, IReadOnlyDictionary<string, string[]> errors) : AppError(detail)
    {
        public Validation(string field, string message)
            : this($"The request is not valid: {message}", new Dictionary<string, string[]> { [field] = [message] })
        {
        }

        public override string Code => ErrorCodes.ValidationFailed;

        public override int Status => StatusCodes.Status400BadRequest;

        public override string Title => "The request is not valid.";

        public override IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
    }

    /// <summary>The body is not JSON, or JSON of the wrong shape (wrong types, bad base64).</summary>
    public sealed class InvalidJson(string detail) : AppError(detail)
    {
        public override string Code => ErrorCodes.InvalidJson;

        public override int Status => StatusCodes.Status400BadRequest;

        public override string Title => "The request body is not valid JSON for this endpoint.";
    }

    /// <summary>A Yjs update that cannot be decoded or applied.</summary>
    public sealed class InvalidUpdate(string detail) : AppError(detail)
    {
        public override string Code => ErrorCodes.InvalidUpdate;

        public override int Status => StatusCodes.Status400BadRequest;

        public override string Title => "The update is not a valid Yjs update.";
    }

    /// <summary>No credentials, or credentials that are not valid (unknown, revoked).</summary>
    public sealed class Unauthorized(string detail) : AppError(detail)
    {
        public override string Code => ErrorCodes.Unauthorized;

        public override int Status => StatusCodes.Status401Unauthorized;

        public override string Title => "Authentication is required.";
    }

    /// <summary>Valid credentials that do not allow this operation or resource.</summary>
    public sealed class Forbidden(string detail) : AppError(detail)
    {
        public override string Code => ErrorCodes.Forbidden;

        public override int Status => StatusCodes.Status403Forbidden;

        public override string Title => "This operation is not allowed.";
    }

    public sealed class NotFound(string detail) : AppError(detail)
    {
        public override string Code => ErrorCodes.NotFound;

        public override int Status => StatusCodes.Status404NotFound;

        public override string Title => "The resource does not exist.";
    }

    public sealed class MethodNotAllowed(string detail) : AppError(detail)
    {
        public override string Code => ErrorCodes.MethodNotAllowed;

        public override int Status => StatusCodes.Status405MethodNotAllowed;

        public override string Title => "The HTTP method is not allowed here.";
    }

    /// <summary>The body or one of its parts is larger than a configured limit.</summary>
    public sealed class PayloadTooLarge(string detail) : AppError(detail)
    {
        public override string Code => ErrorCodes.PayloadTooLarge;

        public override int Status => StatusCodes.Status413PayloadTooLarge;

        public override string Title => "The request is too large.";
    }

    public sealed class UnsupportedMediaType(string detail) : AppError(detail)
    {
        public override string Code => ErrorCodes.UnsupportedMediaType;

        public override int Status => StatusCodes.Status415UnsupportedMediaType;

        public override string Title => "The request content type is not supported.";
    }

    /// <summary>Well-formed input that breaks a domain rule (too many tabs, a stale clock, ...).</summary>
    public sealed class DomainRuleViolated(string detail, IReadOnlyDictionary<string, string[]>? errors = null) : AppError(detail)
    {
        public override string Code => ErrorCodes.DomainRuleViolated;

        public override int Status => StatusCodes.Status422UnprocessableEntity;

        public override string Title => "The request breaks a rule of the sync domain.";

        public override IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;
    }

    public sealed class RateLimited(string detail, TimeSpan retryAfter) : AppError(detail)
    {
        public override string Code => ErrorCodes.RateLimited;

        public override int Status => StatusCodes.Status429TooManyRequests;

        public override string Title => "Too many requests.";

        public override TimeSpan? RetryAfter { get; } = retryAfter;
    }

    /// <summary>The server cannot answer right now (database busy, shutting down, timed out).</summary>
    public sealed class Unavailable(string detail, TimeSpan? retryAfter = null) : AppError(detail)
    {
        public override string Code => ErrorCodes.Unavailable;

        public override int Status => StatusCodes.Status503ServiceUnavailable;

        public override string Title => "The service is temporarily unavailable.";

        public override TimeSpan? RetryAfter { get; } = retryAfter;
    }

    /// <summary>A bug or an unexpected failure; the detail never says more than that.</summary>
    public sealed class Internal(string detail = "An unexpected error occurred. It has been logged.") : AppError(detail)
    {
        public override string Code => ErrorCodes.InternalError;

        public override int Status => StatusCodes.Status500InternalServerError;

        public override string Title => "An unexpected error occurred.";
    }
}
