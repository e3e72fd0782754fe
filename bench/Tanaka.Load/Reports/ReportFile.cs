using System.Globalization;
using System.Text.Json;

namespace Tanaka.Load.Reports;

/// <summary>Writes a report as JSON to <c>bench/results/&lt;profile&gt;[-&lt;state vector policy&gt;]-&lt;timestamp&gt;.json</c> (or a given path).</summary>
public static class ReportFile
{
    public static string DefaultPath(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = RepositoryRoot() ?? Directory.GetCurrentDirectory();
        var stamp = report.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var policy = report.StateVectorPolicy == nameof(Client.Devices.StateVectorPolicy.WhenNeeded) ? "" : $"-{report.StateVectorPolicy.ToLowerInvariant()}";
        return Path.Combine(root, "bench", "results", $"{report.Profile}{policy}-{stamp}.json");
    }

    public static async Task<string> WriteAsync(LoadReport report, string? path = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        path ??= DefaultPath(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, LoadReportJsonContext.Default.LoadReport, cancellationToken);
        return path;
    }

    public static string ToJson(LoadReport report) => JsonSerializer.Serialize(report, LoadReportJsonContext.Default.LoadReport);

    /// <summary>The folder holding Tanaka.slnx, above the working directory or the harness.</summary>
    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Tanaka.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
