using System.Collections.Concurrent;

namespace ChatSurvey.Bot;

/// <summary>
/// A bounded in-process cache of recently used values by key. Only an optimization: its users check each value
/// against the shared store before relying on it. When full it starts over rather than tracking recency.
/// </summary>
internal sealed class StartOverCache<T>(int capacity)
{
    private readonly ConcurrentDictionary<string, T> _entries = new(StringComparer.Ordinal);

    // Counted here because ConcurrentDictionary.Count takes every lock of the dictionary, on every turn. Approximate
    // under races (a Clear racing an add), which only moves the moment of the next start-over a little.
    private int _count;

    public bool TryGet(string key, out T value) => _entries.TryGetValue(key, out value!);

    public void Set(string key, T value)
    {
        if (_entries.TryAdd(key, value))
        {
            if (Interlocked.Increment(ref _count) > capacity)
            {
                _entries.Clear();
                _entries[key] = value;
                Interlocked.Exchange(ref _count, 1);
            }

            return;
        }

        _entries[key] = value;
    }

    public void Remove(string key) => _entries.TryRemove(key, out _);
}
