using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    internal static readonly string[] SynchronousModes = ["off", "normal", "full", "extra"];

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var errors = new SettingErrors(DatabaseOptions.Section);
        if (options.Path.Length > 0 && options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add("path", "contains characters that are not allowed in a file path");
        }

        errors.Range("busy_timeout_ms", options.BusyTimeoutMs, 0, 600_000);
        errors.Range("cache_size_kib", options.CacheSizeKib, 0, 16 * 1024 * 1024);
        errors.Range("reader_connections", options.ReaderConnections, 1, 64);
        errors.OneOf("synchronous", options.Synchronous, SynchronousModes);
        errors.Range("mmap_size_bytes", options.MmapSizeBytes, 0, 1L << 40);
        return errors.ToResult();
    }
}
