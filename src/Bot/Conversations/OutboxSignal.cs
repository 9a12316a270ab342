namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// Wakes the outbox reader the moment this process commits entries, and tells it which buckets to read, so that it
/// reads one stream per commit instead of all of them, and while nothing happens polls the store rarely (an idle bot
/// costs next to nothing). Entries other instances commit are found at the next poll.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    /// <summary>Buckets are marked modulo this: with more buckets, a mark covers several (a few more streams read).</summary>
    public const int Marks = 1024;

    private readonly SemaphoreSlim _entries = new(0, 1);
    private readonly long[] _marked = new long[Marks / 64];

    /// <summary>Entries were committed to <paramref name="bucket"/>. Allocates nothing: called on every turn.</summary>
    public void Notify(int bucket)
    {
        var mark = bucket % Marks;
        Interlocked.Or(ref _marked[mark / 64], 1L << (mark % 64));
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

    /// <summary>The buckets (of <paramref name="buckets"/>) committed to since the last call; the marks are cleared.</summary>
    public List<int> TakeBuckets(int buckets)
    {
        var marked = new bool[Marks];
        for (var word = 0; word < _marked.Length; word++)
        {
            var bits = Interlocked.Exchange(ref _marked[word], 0);
            for (var bit = 0; bits != 0; bit++, bits >>>= 1)
            {
                marked[(word * 64) + bit] = (bits & 1) != 0;
            }
        }

        return [.. Enumerable.Range(0, buckets).Where(b => marked[b % Marks])];
    }

    public void Dispose() => _entries.Dispose();
}
