namespace Tanaka.Server.Hosting;

/// <summary>Tags that put a health check into an endpoint: <see cref="Ready"/> checks decide <c>GET /ready</c>.</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
