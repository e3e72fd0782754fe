using Tanaka.Server.Config;

namespace Tanaka.Server.Middleware;

/// <summary>
/// Which browser origins may call the API: any Firefox or Chromium extension (the extension id
/// differs per install, so the scheme is what identifies it) and the exact origins in
/// <c>sync.allowed_origins</c>. Web pages are refused unless listed.
/// </summary>
public sealed class ExtensionOrigins
{
    public static readonly IReadOnlyList<string> ExtensionSchemes = ["moz-extension", "chrome-extension"];

    private readonly HashSet<string> _configured;

    public ExtensionOrigins(SyncOptions sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        _configured = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in sync.AllowedOrigins)
        {
            if (CorsOrigin.TryNormalize(value, out var origin, out _))
            {
                _configured.Add(origin);
            }
        }
    }

    public bool IsAllowed(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (ExtensionSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            return uri.Host.Length > 0 && uri.AbsolutePath == "/";
        }

        return CorsOrigin.TryNormalize(origin, out var normalized, out _) && _configured.Contains(normalized);
    }
}
