using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Tanaka.Server.Errors;
using Tanaka.Server.Services;

namespace Tanaka.Server.Middleware;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> to a workspace (claim <see cref="WorkspaceClaims.WorkspaceId"/>).
/// Failures answer problem+json: 401 <c>unauthorized</c>, or 429 <c>rate_limited</c> once the
/// client address has used up its failed attempts. Failed attempts are logged with the address
/// and reason, never with the token.
/// </summary>
internal sealed partial class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IAuthService auth,
    FailedAuthThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    private const string BearerPrefix = "Bearer ";

    private AppError? _failure;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var client = ClientAddress(Context);
        if (throttle.IsBlocked(client, out var retryAfter))
        {
            _failure = new AppError.RateLimited("Too many requests with invalid tokens from this address; retry later.", retryAfter);
            return AuthenticateResult.Fail("throttled");
        }

        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            _failure = new AppError.Unauthorized("Send an access token: Authorization: Bearer <token>.");
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            throttle.RecordFailure(client);
            LogRejected(Logger, client, "malformed Authorization header");
            _failure = new AppError.Unauthorized("The Authorization header must be: Bearer <token>.");
            return AuthenticateResult.Fail("malformed");
        }

        var check = await auth.AuthenticateAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (check is not { Status: TokenStatus.Valid, Access: { } access })
        {
            throttle.RecordFailure(client);
            if (check is { Status: TokenStatus.Revoked, TokenId: { } tokenId })
            {
                LogRevoked(Logger, client, tokenId);
            }
            else
            {
                LogRejected(Logger, client, "unknown token");
            }

            _failure = new AppError.Unauthorized("The access token is not valid (unknown or revoked).");
            return AuthenticateResult.Fail("invalid token");
        }

        Claim[] claims =
        [
            new(WorkspaceClaims.WorkspaceId, access.WorkspaceId),
            new(ClaimTypes.Name, access.TokenName),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var error = _failure ?? new AppError.Unauthorized("Send an access token: Authorization: Bearer <token>.");
        if (error is AppError.Unauthorized)
        {
            Response.Headers[HeaderNames.WWWAuthenticate] = SchemeName;
        }

        return AppProblem.WriteAsync(Context, error);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AppProblem.WriteAsync(Context, new AppError.Forbidden("This token does not open this resource."));

    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : IPAddress.None.ToString();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected access from {Client}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string client, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected access from {Client}: revoked token {TokenId}")]
    private static partial void LogRevoked(ILogger logger, string client, long tokenId);
}
