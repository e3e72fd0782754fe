using System.Security.Claims;

namespace Tanaka.Server.Middleware;

/// <summary>The claims an authenticated request carries, and the policy that requires them.</summary>
public static class WorkspaceClaims
{
    /// <summary>The workspace the request's token opens.</summary>
    public const string WorkspaceId = "tanaka:workspace";

    /// <summary>Authorization policy: a valid bearer token, which always opens exactly one workspace.</summary>
    public const string Policy = "workspace";

    /// <summary>The workspace of an authenticated request (endpoints under <see cref="Policy"/> always have one).</summary>
    public static string GetWorkspaceId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(WorkspaceId)
            ?? throw new InvalidOperationException($"The request has no workspace; the endpoint must require the '{Policy}' policy.");
    }
}
