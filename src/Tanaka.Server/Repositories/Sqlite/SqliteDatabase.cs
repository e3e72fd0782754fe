using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tanaka.Server.Repositories.Sqlite;

/// <summary>
/// The SQLite file and its connections: ONE writer, used by one caller at a time, and a small
/// pool of read-only readers. SQLite allows a single writer anyway; queuing writers on a
/// semaphore here instead of in SQLite's busy loop keeps them in order and cheap, and WAL mode
/// lets the readers run alongside. WAL checkpoints run on a connection of their own
/// (<see cref="CheckpointAsync"/>, called by <see cref="WalCheckpointService"/>), so that no
/// commit has to copy pages and wait for fsync.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    /// <summary>
    /// WAL pages after which a commit checkpoints by itself (SQLite's default is 1,000). Only a
    /// safety net: the background checkpoint normally keeps the WAL far below it.
    /// </summary>
    public const int WriterAutoCheckpointPages = 16_384;

    private readonly SqliteSettings _settings;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _checkpointLock = new(1, 1);
    private SqliteSession? _checkpointer;
    private readonly SemaphoreSlim _readerSlots;
    private readonly ConcurrentBag<SqliteSession> _idleReaders = [];
    private SqliteSession? _writer;
    private volatile bool _disposed;

    public SqliteDatabase(SqliteSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Path);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.ReaderConnections, 1);
        _ = settings.SynchronousKeyword;
        _settings = settings;
        _readerSlots = new SemaphoreSlim(settings.ReaderConnections, settings.ReaderConnections);
    }

    public string Path => _settings.Path;

    /// <summary>Runs <paramref name="work"/> on the writer connection, after every earlier write has finished.</summary>
    public async Task<T> WriteAsync<TState, T>(TState state, Func<SqliteSession, TState, T> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            _writer ??= Open(isWriter: true);
            return work(_writer, state);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled read-only connection.</summary>
    public async Task<T> ReadAsync<TState, T>(TState state, Func<SqliteSession, TState, T> work, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _writer) is null)
        {
            // The writer creates the file and switches it to WAL; a read-only connection can do neither.
            await WriteAsync(0, static (_, _) => 0, cancellationToken);
        }

        await _readerSlots.WaitAsync(cancellationToken);
        SqliteSession? reader = null;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            if (!_idleReaders.TryTake(out reader))
            {
                reader = Open(isWriter: false);
            }

            return work(reader, state);
        }
        finally
        {
            if (reader is not null)
            {
                if (_disposed)
                {
                    reader.Dispose();
                }
                else
                {
                    _idleReaders.Add(reader);
                }
            }

            _readerSlots.Release();
        }
    }

    /// <summary>
    /// Copies what the WAL holds into the database file without waiting for readers or the writer
    /// (<c>PRAGMA wal_checkpoint(PASSIVE)</c>), on a connection used for nothing else.
    /// </summary>
    public async Task<WalCheckpoint> CheckpointAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _writer) is null)
        {
            // Nothing written yet; the writer creates the file.
            return new WalCheckpoint(false, 0, 0);
        }

        await _checkpointLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _checkpointer ??= Open(isWriter: false, readOnly: false);
            using var command = _checkpointer.Connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            using var reader = command.ExecuteReader();
            reader.Read();
            return new WalCheckpoint(reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
        }
        finally
        {
            _checkpointLock.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _checkpointLock.Wait();
        try
        {
            _checkpointer?.Dispose();
            _checkpointer = null;
        }
        finally
        {
            _checkpointLock.Release();
        }

        _writeLock.Wait();
        try
        {
            if (_writer is not null)
            {
                Optimize(_writer.Connection);
                _writer.Dispose();
                _writer = null;
            }
        }
        finally
        {
            _writeLock.Release();
        }

        while (_idleReaders.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private SqliteSession Open(bool isWriter) => Open(isWriter, readOnly: !isWriter);

    private SqliteSession Open(bool isWriter, bool readOnly)
    {
        if (isWriter && System.IO.Path.GetDirectoryName(_settings.Path) is { Length: > 0 } directory && !Directory.Exists(directory))
        {
            // Tab URLs and titles are private: a directory made here is the owner's alone.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (isWriter && !OperatingSystem.IsWindows() && !File.Exists(_settings.Path))
        {
            // Create the file owner-only before SQLite does: it would use the process umask,
            // and SQLite gives the -wal and -shm files the database file's permissions.
            using var created = new FileStream(_settings.Path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _settings.Path,
            Mode = isWriter ? SqliteOpenMode.ReadWriteCreate : readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            // This class is the pool; Microsoft.Data.Sqlite's own pool would keep files open after Dispose.
            Pooling = false,
        }.ToString();

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
                PRAGMA busy_timeout = {_settings.BusyTimeoutMs};
                PRAGMA foreign_keys = ON;
                PRAGMA synchronous = {_settings.SynchronousKeyword};
                PRAGMA cache_size = {-(long)_settings.CacheSizeKib};
                PRAGMA mmap_size = {_settings.MmapSizeBytes};
                PRAGMA temp_store = MEMORY;
                """);
            pragmas.ExecuteNonQuery();
            if (isWriter)
            {
                // Persistent in the file: readers opened later see WAL too.
                pragmas.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
                    PRAGMA journal_mode = WAL;
                    PRAGMA wal_autocheckpoint = {WriterAutoCheckpointPages};
                    """);
                pragmas.ExecuteNonQuery();
            }

            return new SqliteSession(connection, isWriter);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Optimize(SqliteConnection connection)
    {
        try
        {
            using var optimize = connection.CreateCommand();
            optimize.CommandText = "PRAGMA optimize;";
            optimize.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Statistics are an optimisation; closing must not fail for them.
        }
    }
}
