namespace Tanaka.Client.Protocol;

/// <summary>Body of <c>GET /health</c>: <c>{"status":"ok","version":"1.0.0"}</c>.</summary>
public sealed record HealthStatus(string Status, string Version);
