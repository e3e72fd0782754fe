using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tanaka.Server.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry, with its structured values, for assertions.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Everything that could reach a log sink, as text: messages, structured values and exceptions.</summary>
    public string AllText() => string.Join('\n', Entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal);
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), values, exception));
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception)
{
    public override string ToString() =>
        $"{Level} {Category}: {Message} | {string.Join(", ", Values.Select(v => $"{v.Key}={v.Value}"))} | {Exception}";
}
