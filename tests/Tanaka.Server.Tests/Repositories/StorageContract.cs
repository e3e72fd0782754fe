namespace Tanaka.Server.Tests.Repositories;

/// <summary>
/// Base of every contract test class: written once against the repository interfaces, run once
/// per implementation by a small sealed subclass that says how to open that implementation.
/// </summary>
public abstract class StorageContract : IAsyncLifetime
{
    private StorageHarness? _storage;

    private protected StorageHarness Storage => _storage ?? throw new InvalidOperationException("Not initialized.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _storage = await OpenAsync();

    public async ValueTask DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the implementation on fresh data, migrated and started as the server starts it.</summary>
    private protected abstract Task<StorageHarness> OpenAsync();
}
