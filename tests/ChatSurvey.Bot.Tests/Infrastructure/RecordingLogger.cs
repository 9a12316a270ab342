using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>A logger that keeps the messages: how a test sees what a background service went through.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public int Count(string contains) => Messages.Count(m => m.Contains(contains, StringComparison.Ordinal));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue(formatter(state, exception));
}
