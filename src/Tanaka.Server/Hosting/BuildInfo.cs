using System.Reflection;

namespace Tanaka.Server.Hosting;

/// <summary>What build of the server is running; reported by <c>GET /health</c>.</summary>
public sealed record BuildInfo(string Version)
{
    public static BuildInfo FromAssembly()
    {
        var assembly = typeof(BuildInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // The SDK appends "+<commit>" to the informational version; clients want the release number.
        var version = informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return new BuildInfo(version);
    }
}
