namespace Tanaka.Server.Config;

/// <summary>Parses configured CORS origins to the form browsers send in the <c>Origin</c> header.</summary>
public static class CorsOrigin
{
    public static bool TryNormalize(string? value, out string origin, out string problem)
    {
        origin = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = "is empty";
            return false;
        }

        if (value.Contains('*', StringComparison.Ordinal))
        {
            problem = "contains a wildcard, which is not allowed";
            return false;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            problem = "is not an absolute origin (scheme://host[:port])";
            return false;
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = "has a path, query or user info, which an origin never has";
            return false;
        }

        origin = uri.IsDefaultPort || uri.Port < 0
            ? $"{uri.Scheme}://{uri.Host}"
            : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
        problem = "";
        return true;
    }
}
