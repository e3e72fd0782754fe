using Tanaka.Server.Config;

namespace Tanaka.Server.Hosting;

/// <summary>How to build one server instance: where its configuration comes from and, for tests, what to replace.</summary>
public sealed record TanakaHostSettings
{
    public ConfigurationInputs Configuration { get; init; } = new();

    /// <summary>Runs after every subsystem has registered its services, so it can replace any of them.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Maps extra endpoints after the real ones, inside the same middleware pipeline (tests).</summary>
    public Action<IEndpointRouteBuilder>? ConfigureEndpoints { get; init; }
}
