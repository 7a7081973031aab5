using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Andalan.Functions.Tests.Reliability;

/// <summary>
/// Keeps every log line the app writes, at every level, with its exception in full, across app restarts:
/// what an operator would find in Application Insights.
/// </summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _lines);

    public void Dispose()
    {
        // The lines outlive the service providers that use this provider.
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"scope {category}: {state}");

            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            var message = formatter(state, exception);
            lines.Enqueue($"{logLevel} {category}[{eventId.Id}]: {message} {structured} {exception}");
        }
    }
}
