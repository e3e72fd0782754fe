using Tanaka.Server.Domain;

namespace Tanaka.Server.Services;

/// <summary>
/// First start: when no token is configured and none is stored, creates one for the default
/// workspace and shows it once on the console, so a fresh server is usable but never open.
/// Runs after storage start-up (it is registered after it).
/// </summary>
public sealed partial class TokenBootstrap(IAuthService auth, ConsoleBanner banner, ILogger<TokenBootstrap> logger) : IHostedService
{
    public const string TokenName = "first-start";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await auth.HasAnyTokenAsync(cancellationToken))
        {
            return;
        }

        var issued = await auth.CreateTokenAsync(TokenName, Workspace.DefaultId, cancellationToken);
        banner.Write($"""

            ====================================================================================
             Tanaka created an access token for workspace "{Workspace.DefaultId}". It is shown only
             this once (the server keeps only its hash). Paste it into the extension's settings:

                 {issued.Token}

             Manage tokens with: tanaka token create --name NAME | tanaka token list | tanaka token revoke ID
            ====================================================================================

            """);
        LogCreated(logger, issued.Record.Id, Workspace.DefaultId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No access token existed: created token {TokenId} for workspace {WorkspaceId} and printed it to the console once")]
    private static partial void LogCreated(ILogger logger, long tokenId, string workspaceId);
}
