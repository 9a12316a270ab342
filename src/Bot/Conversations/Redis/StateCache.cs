using System.Collections.Concurrent;

namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// The last known state of recently active conversations. Only an optimization: every commit is checked against
/// Redis, so a stale entry costs one retry. When full it starts over rather than tracking recency.
/// </summary>
internal sealed class StateCache(int capacity)
{
    private readonly ConcurrentDictionary<string, StoredConversation> _entries = new();

    public bool TryGet(string member, out StoredConversation conversation) => _entries.TryGetValue(member, out conversation!);

    public void Set(string member, StoredConversation conversation)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[member] = conversation;
    }
}
