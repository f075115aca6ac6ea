using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// Keeps the app's error log lines (with their exception's type and message), so a test that got a 5xx can
/// print the cause instead of only the status: a rare failure on a CI machine is then diagnosable from its log.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private const int Keep = 200;
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The latest error lines, oldest first.</summary>
    public IReadOnlyList<string> Latest(int count = 10) => [.. _lines.TakeLast(count)];

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Keep && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(ServerErrors errors, string category) : ILogger
    {
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Error)
            {
                return;
            }
            var message = formatter(state, exception);
            var cause = exception is null ? "" : $" — {exception.GetType().Name}: {exception.Message}\n{Frames(exception)}";
            errors.Add($"[{DateTimeOffset.UtcNow:HH:mm:ss.fff}] {category}: {Truncate(message, 300)}{Truncate(cause, 2000)}");
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        private static string Frames(Exception exception)
        {
            var inner = exception;
            while (inner.InnerException is not null)
            {
                inner = inner.InnerException;
            }
            var head = inner == exception ? "" : $"   inner {inner.GetType().Name}: {inner.Message}\n";
            return head + string.Join('\n', (exception.StackTrace ?? "").Split('\n').Take(8));
        }

        private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
    }
}
