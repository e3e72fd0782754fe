using System.Runtime.CompilerServices;

namespace Tanaka.Server.Tests.Infrastructure;

/// <summary>
/// The repository root: the folder holding Tanaka.slnx, found by walking up from the test
/// binaries, or from this source file when the binaries live outside the tree (--artifacts-path).
/// </summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Tanaka.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Tanaka.slnx not found above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
