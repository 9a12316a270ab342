using System.Collections.Concurrent;

namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// The last known state of recently active conversations. Only an optimization: every commit is checked against
/// Redis, so a stale entry costs one retry. When full it starts over rather than tracking recency.
/// </summary>
internal sealed class StateCache(int capacity)
{
    private readonly ConcurrentDictionary<string, StoredConversation> _entries = new();

    // Counted here because ConcurrentDictionary.Count takes every lock of the dictionary, on every turn. Approximate
    // under races (a Clear racing an add), which only moves the moment of the next start-over a little.
    private int _count;

    public bool TryGet(string member, out StoredConversation conversation) => _entries.TryGetValue(member, out conversation!);

    public void Set(string member, StoredConversation conversation)
    {
        if (_entries.TryAdd(member, conversation))
        {
            if (Interlocked.Increment(ref _count) > capacity)
            {
                _entries.Clear();
                _entries[member] = conversation;
                Interlocked.Exchange(ref _count, 1);
            }

            return;
        }

        _entries[member] = conversation;
    }
}
