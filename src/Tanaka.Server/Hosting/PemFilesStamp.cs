namespace Tanaka.Server.Hosting;

/// <summary>
/// What identifies the current contents of a certificate/key pair without reading them: for each
/// file, the final target of any symlinks, its length and its last write time.
/// </summary>
internal sealed record PemFilesStamp(FileStamp Certificate, FileStamp Key)
{
    /// <summary>Null while a file is missing (mid-renewal); the caller keeps what it has.</summary>
    public static PemFilesStamp? Read(string certPath, string keyPath) =>
        FileStamp.Read(certPath) is { } certificate && FileStamp.Read(keyPath) is { } key
            ? new PemFilesStamp(certificate, key)
            : null;
}

internal readonly record struct FileStamp(string Target, long Length, DateTime LastWriteUtc)
{
    public static FileStamp? Read(string path)
    {
        try
        {
            var file = new FileInfo(path);
            var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file;
            target.Refresh();
            return target.Exists ? new FileStamp(target.FullName, target.Length, target.LastWriteTimeUtc) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
