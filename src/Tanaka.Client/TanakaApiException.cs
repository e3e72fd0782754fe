using System.Net;
using Tanaka.Client.Protocol;

namespace Tanaka.Client;

/// <summary>
/// The server answered with an error (or with a body the client cannot read). <see cref="Code"/>
/// is the problem+json <c>code</c> (see docs/ERRORS.md), null when the body was not problem+json.
/// </summary>
public sealed class TanakaApiException : Exception
{
    /// <summary>The <see cref="Code"/> the client reports for a success status whose body is not the expected JSON; never sent by the server.</summary>
    public const string InvalidResponseCode = "invalid_response";

    public TanakaApiException(HttpStatusCode statusCode, string? code, string message, ProblemDocument? problem = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
        Problem = problem;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    public string? Code { get; }

    /// <summary>The whole problem document, when the server sent one.</summary>
    public ProblemDocument? Problem { get; }

    /// <summary>The <c>Retry-After</c> header, when present (429 and some 503 answers).</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;
}
