namespace Tanaka.Load;

public sealed record ServerProcessOptions
{
    /// <summary>Path of tanaka.dll; null for the copy built next to the harness.</summary>
    public string? ServerDll { get; init; }

    /// <summary>The server's <c>observability.log_level</c>. Warning keeps per-request log lines out of the measurement.</summary>
    public string LogLevel { get; init; } = "warning";

    /// <summary>Extra environment variables (<c>TANAKA_SECTION__KEY</c>), applied after the harness's own.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
