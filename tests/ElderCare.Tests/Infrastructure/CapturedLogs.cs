using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ElderCare.Tests.Infrastructure;

/// <summary>Every log entry of a test host at every level: message, structured values, scopes and exceptions.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs sink) : ILogger
    {
        private static readonly AsyncLocal<ImmutableStack?> Scopes = new();

        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            var previous = Scopes.Value;
            Scopes.Value = new ImmutableStack(Describe(state), previous);
            return new Pop(() => Scopes.Value = previous);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder($"{logLevel} {category}[{eventId}] {formatter(state, exception)} | {Describe(state)}");
            for (var s = Scopes.Value; s is not null; s = s.Next) text.Append(" | scope ").Append(s.Text);
            if (exception is not null) text.Append(" | ").Append(exception);
            sink._entries.Enqueue(text.ToString());
        }

        private static string Describe(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
                : state?.ToString() ?? "";
    }

    private sealed record ImmutableStack(string Text, ImmutableStack? Next);

    private sealed class Pop(Action pop) : IDisposable
    {
        public void Dispose() => pop();
    }
}
