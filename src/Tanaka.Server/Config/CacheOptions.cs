namespace Tanaka.Server.Config;

/// <summary>In-memory document cache (section <c>cache</c>).</summary>
public sealed class CacheOptions
{
    public const string Section = "cache";

    [ConfigurationKeyName("max_documents")]
    public int MaxDocuments { get; set; } = 1000;
}
