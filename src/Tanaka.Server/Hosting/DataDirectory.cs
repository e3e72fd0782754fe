using Microsoft.Extensions.Options;
using Tanaka.Server.Config;

namespace Tanaka.Server.Hosting;

/// <summary>
/// The directory holding the database and other server state. Tab URLs and titles are private,
/// so it is created readable by its owner only, and the server warns when it or the database
/// file is open to other users.
/// </summary>
public sealed partial class DataDirectory(IOptions<ServerOptions> server, IOptions<DatabaseOptions> database, ILogger<DataDirectory> logger)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OthersAny = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public string Path => server.Value.ResolveDataDir();

    /// <summary>Creates the directory when missing and warns about permissions that expose it. Safe to call more than once.</summary>
    public void Prepare()
    {
        var path = Path;
        if (!Directory.Exists(path))
        {
            try
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(path);
                }
                else
                {
                    Directory.CreateDirectory(path, OwnerOnly);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidConfigurationException($"server.data_dir: '{path}' cannot be created: {e.Message}", e);
            }

            LogCreated(logger, path);
        }

        WarnIfOpenToOthers(path, "data directory", "chmod 700");
        var databasePath = database.Value.ResolvePath(server.Value);
        if (File.Exists(databasePath))
        {
            WarnIfOpenToOthers(databasePath, "database file", "chmod 600");
        }
    }

    /// <summary>True when group or other users have any permission on the path (always false on Windows, where ACLs apply).</summary>
    public static bool IsOpenToOthers(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersAny) != 0;

    private void WarnIfOpenToOthers(string path, string what, string fix)
    {
        if (IsOpenToOthers(path))
        {
            LogOpenToOthers(logger, what, path, fix);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created data directory {Path} (owner-only access)")]
    private static partial void LogCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {What} {Path} is accessible by other users; it holds private tab data. Restrict it with: {Fix}")]
    private static partial void LogOpenToOthers(ILogger logger, string what, string path, string fix);
}
