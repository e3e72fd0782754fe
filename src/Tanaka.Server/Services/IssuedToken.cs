using Tanaka.Server.Domain;

namespace Tanaka.Server.Services;

/// <summary>A newly created token: <see cref="Token"/> is the secret, shown to its owner once and never stored.</summary>
public sealed record IssuedToken(TokenRecord Record, string Token);
