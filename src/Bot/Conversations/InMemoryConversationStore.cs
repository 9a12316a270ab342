using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// The embedded store for local use and tests, with the semantics the Redis store has: versioned compare-and-set,
/// processed-message marks that return the same replies (kept 48 hours), and an outbox.
/// </summary>
/// <param name="pseudonyms">Maps keys to pseudonyms for <see cref="EraseAsync"/>; without it, only the deletion itself reaches the outbox.</param>
public sealed class InMemoryConversationStore(ConversationSchedule schedule, TimeProvider time, Pseudonymizer? pseudonyms = null) : IConversationStore, IOutbox, ISweepSource
{
    private static readonly TimeSpan ProcessedMarkLifetime = TimeSpan.FromHours(48);
    private readonly ConcurrentDictionary<ConversationKey, Entry> _conversations = new();
    private readonly ConcurrentDictionary<(ConversationKey, string), (IReadOnlyList<Reply>? Replies, DateTimeOffset Expires)> _processed = new();
    private readonly ConcurrentDictionary<(ConversationKey Key, string MessageId), DateTimeOffset> _unsent = new();
    private readonly ConcurrentDictionary<ConversationKey, DateTimeOffset> _deferred = new();
    private readonly Channel<OutboxEntry> _outbox = System.Threading.Channels.Channel.CreateUnbounded<OutboxEntry>();
    // Read by the worker and not acknowledged yet: still part of the backlog.
    private readonly ConcurrentDictionary<string, OutboxEntry> _unacknowledged = new();

    public Task<StoredConversation> LoadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(key, out var entry))
        {
            return Task.FromResult(StoredConversation.New);
        }

        lock (entry)
        {
            return Task.FromResult(new StoredConversation(entry.State, entry.Version));
        }
    }

    public Task<CommitResult> CommitAsync(ConversationKey key, long expectedVersion, TurnCommit commit, CancellationToken cancellationToken)
    {
        var entry = _conversations.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            var now = time.GetUtcNow();
            if (_processed.TryGetValue((key, commit.MessageId), out var mark) && mark.Expires > now)
            {
                return Task.FromResult(new CommitResult(CommitOutcome.Duplicate, new StoredConversation(entry.State, entry.Version), mark.Replies));
            }

            if (entry.Version != expectedVersion)
            {
                return Task.FromResult(new CommitResult(CommitOutcome.Conflict, new StoredConversation(entry.State, entry.Version)));
            }

            entry.State = commit.State;
            entry.Version++;
            // Like Redis: replies are kept only while they wait to be sent.
            _processed[(key, commit.MessageId)] = (commit.AwaitingSend ? commit.Replies : null, now + ProcessedMarkLifetime);
            if (commit.AwaitingSend)
            {
                _unsent[(key, commit.MessageId)] = now;
            }

            foreach (var item in commit.Outbox)
            {
                _outbox.Writer.TryWrite(item);
            }

            if (commit.Forget)
            {
                _conversations.TryRemove(key, out _);
                foreach (var processed in _processed.Keys.Where(k => k.Item1 == key))
                {
                    _processed.TryRemove(processed, out _);
                }
            }
        }

        ForgetExpiredMarks();
        return Task.FromResult(new CommitResult(CommitOutcome.Committed));
    }

    /// <summary>In this store, a turn is named by its message id itself.</summary>
    public string TurnOf(string messageId) => messageId;

    public Task MarkSentAsync(ConversationKey key, string turn, CancellationToken cancellationToken)
    {
        if (_processed.TryGetValue((key, turn), out var mark))
        {
            _processed[(key, turn)] = (null, mark.Expires);
        }

        _unsent.TryRemove((key, turn), out _);

        return Task.CompletedTask;
    }

    public void MarkSentSoon(ConversationKey key, string turn) => MarkSentAsync(key, turn, CancellationToken.None);

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task EraseAsync(string pseudonym, OutboxEntry deletion, CancellationToken cancellationToken)
    {
        // Keys hold channel ids, not pseudonyms: a scan, fine for the local and test store this is.
        foreach (var key in _conversations.Keys.Where(k => pseudonyms?.For(k) == pseudonym))
        {
            if (_conversations.TryRemove(key, out var entry))
            {
                // A turn of theirs that loaded the conversation before now finds a new version and runs again.
                lock (entry)
                {
                    entry.State = ConversationState.Initial;
                    entry.Version = -1;
                }
            }

            foreach (var mark in _processed.Keys.Where(m => m.Item1 == key))
            {
                _processed.TryRemove(mark, out _);
            }

            foreach (var unsent in _unsent.Keys.Where(u => u.Key == key))
            {
                _unsent.TryRemove(unsent, out _);
            }
        }

        _outbox.Writer.TryWrite(deletion);
        return Task.CompletedTask;
    }

    public async Task<OutboxBatch> ReadAsync(int max, CancellationToken cancellationToken)
    {
        await _outbox.Reader.WaitToReadAsync(cancellationToken);
        var batch = new List<OutboxEntry>();
        while (batch.Count < max && _outbox.Reader.TryRead(out var item))
        {
            _unacknowledged[item.Id] = item;
            batch.Add(item);
        }

        // Entries are objects here, never bytes: nothing can fail to decode.
        return new OutboxBatch(batch, []);
    }

    public Task<OutboxLag> LagAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? oldest = !_unacknowledged.IsEmpty ? _unacknowledged.Values.Min(e => e.Event.At) : _outbox.Reader.TryPeek(out var next) ? next.Event.At : null;
        var age = oldest is { } at ? time.GetUtcNow() - at : TimeSpan.Zero;
        return Task.FromResult(new OutboxLag(_unacknowledged.Count + _outbox.Reader.Count, age));
    }

    public Task AcknowledgeAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            _unacknowledged.TryRemove(id, out _);
        }

        return Task.CompletedTask;
    }

    // One process, so no leases: this instance owns every conversation.
    public Task<IReadOnlyList<ConversationKey>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = _conversations
            .Where(c => schedule.NextDue(c.Value.State) is { } at && at <= now.ToUnixTimeSeconds())
            .Where(c => !_deferred.TryGetValue(c.Key, out var until) || until <= now)
            .Select(c => c.Key)
            .Take(max)
            .ToList();
        return Task.FromResult<IReadOnlyList<ConversationKey>>(due);
    }

    public Task DeferAsync(ConversationKey key, DateTimeOffset until, CancellationToken cancellationToken)
    {
        _deferred[key] = until;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PendingReplies>> ClaimUnsentAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        // The mark is read once: the dispatcher may mark it sent (replies gone) between two reads.
        var unsent = _unsent
            .Where(u => u.Value < before)
            .Select(u => (u.Key, Replies: _processed.TryGetValue(u.Key, out var mark) ? mark.Replies : null))
            .Where(u => u.Replies is not null)
            .Take(max)
            .Select(u => new PendingReplies(u.Key.Key, u.Key.MessageId, u.Replies!))
            .ToList();
        // Claimed now: not claimed again until another wait has passed.
        foreach (var pending in unsent)
        {
            _unsent[(pending.Key, pending.Turn)] = time.GetUtcNow();
        }

        return Task.FromResult<IReadOnlyList<PendingReplies>>(unsent);
    }

    private void ForgetExpiredMarks()
    {
        var now = time.GetUtcNow();
        // Cheap amortized sweep: only look when the table has grown.
        if (_processed.Count % 1024 != 0)
        {
            return;
        }

        foreach (var (key, mark) in _processed)
        {
            if (mark.Expires <= now)
            {
                _processed.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry
    {
        public ConversationState State { get; set; } = ConversationState.Initial;

        public long Version { get; set; }
    }
}
