namespace Tanaka.Server.Errors;

/// <summary>Every machine code the server sends in problem+json <c>code</c>; docs/ERRORS.md explains each.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string InvalidJson = "invalid_json";
    public const string InvalidUpdate = "invalid_update";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string DomainRuleViolated = "domain_rule_violated";
    public const string RateLimited = "rate_limited";
    public const string Unavailable = "unavailable";
    public const string InternalError = "internal_error";

    /// <summary>The problem+json <c>type</c>: a stable identifier, not a link.</summary>
    public static string TypeUri(string code) => "urn:tanaka:error:" + code;
}
