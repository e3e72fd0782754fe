namespace Tanaka.Server.Endpoints;

/// <summary>Body of <c>GET /health</c>: <c>{"status":"ok","version":"1.0.0"}</c>, the shape the 0.5 extension reads.</summary>
public sealed record HealthResponse(string Status, string Version);
