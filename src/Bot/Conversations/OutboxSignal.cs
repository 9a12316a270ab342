namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// Wakes the outbox reader the moment this process commits entries, so that while nothing happens it polls the store
/// rarely (an idle bot costs next to nothing) without delaying what this process writes. Entries other instances
/// commit are found at the next poll.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _entries = new(0, 1);

    /// <summary>Entries were committed. Allocates nothing: called on every turn.</summary>
    public void Notify()
    {
        if (_entries.CurrentCount == 0)
        {
            try
            {
                _entries.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit released it a moment ago: one wake-up is enough.
            }
        }
    }

    /// <summary>Waits until entries are committed here (true), or <paramref name="timeout"/> passes (false).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _entries.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _entries.Dispose();
}
