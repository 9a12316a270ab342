using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatSurvey.Domain.Conversations;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// Conversation state in Redis. A turn is one script call that checks the version and the processed-message marks,
/// then writes the state, the mark, the pending replies, the schedule and the outbox entries together. Recently seen
/// conversations are cached in process, so an uncontended turn is one round trip; a stale cache only costs a retry,
/// because the script answers a version conflict with the current state.
/// </summary>
public sealed class RedisConversationStore(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    RedisOptions options,
    ConversationSchedule schedule,
    Pseudonymizer pseudonyms,
    TimeProvider time,
    OutboxSignal? signal = null,
    ILogger<RedisConversationStore>? logger = null) : IConversationStore, IAsyncDisposable
{
    // Every commit is checked against Redis, so a stale entry costs one retry.
    private readonly StartOverCache<StoredConversation> _cache = new(capacity: 100_000);
    private readonly SentMarks _sentMarks = new(turns => WriteSentMarksAsync(redis.GetDatabase(), keys, turns), (ILogger?)logger ?? NullLogger.Instance);

    private IDatabase Db => redis.GetDatabase();

    public async Task<StoredConversation> LoadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var member = pseudonyms.For(key);
        if (_cache.TryGet(member, out var cached))
        {
            return cached;
        }

        var fields = (await Db.HashGetAllAsync(keys.Conversation(member))).ToDictionary(f => f.Name, f => f.Value);
        var stored = fields.TryGetValue("v", out var version) ? new StoredConversation(StateSerializer.Deserialize(JoinState(fields)), (long)version) : StoredConversation.New;
        _cache.Set(member, stored);
        return stored;
    }

    public async Task<CommitResult> CommitAsync(ConversationKey key, long expectedVersion, TurnCommit commit, CancellationToken cancellationToken)
    {
        var member = pseudonyms.For(key);
        var bucket = keys.BucketOf(member);
        RedisValue[] arguments =
        [
            MessageHash(commit.MessageId),
            expectedVersion,
            options.MaxMarks,
            time.GetUtcNow().ToUnixTimeSeconds(),
            StateSerializer.Serialize(commit.State),
            commit.AwaitingSend ? OutboxJson.Serialize(commit.Replies) : RedisValue.EmptyString,
            commit.State.InProgress ? Address(key) : "-",
            commit.Forget ? 0 : (long)Lifetime(commit.State).TotalSeconds,
            schedule.NextDue(commit.State) is { } due ? due : RedisValue.EmptyString,
            member,
            .. commit.Outbox.Select(e => (RedisValue)OutboxJson.Serialize(e)),
        ];
        RedisKey[] scriptKeys = [keys.Conversation(member), keys.Outbox(bucket), keys.Due(bucket), keys.Pending(bucket), keys.Replies(member)];
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.Commit, scriptKeys, arguments))!;

        var outcome = (string)result[0]!;
        var version = (long)result[1];
        if (outcome == "ok")
        {
            if (commit.Outbox.Count > 0)
            {
                signal?.Notify(bucket);
            }

            _cache.Set(member, commit.Forget ? StoredConversation.New : new StoredConversation(commit.State, version));
            _sentMarks.Forget(member);
            return new CommitResult(CommitOutcome.Committed);
        }

        // An empty state: the conversation was deleted (by the person or by staff) after this process cached it.
        var state = (byte[])result[2]!;
        var current = state.Length == 0 ? StoredConversation.New : new StoredConversation(StateSerializer.Deserialize(state), version);
        _cache.Set(member, current);
        if (outcome == "conflict")
        {
            return new CommitResult(CommitOutcome.Conflict, current);
        }

        var replies = (byte[])result[3]!;
        return new CommitResult(CommitOutcome.Duplicate, current, replies.Length == 0 ? null : OutboxJson.DeserializeReplies(replies));
    }

    /// <summary>A turn is named by its message id's hash, in hex: that is all the pending replies keep of it.</summary>
    public string TurnOf(string messageId) => TurnOf(MessageHash(messageId));

    public Task MarkSentAsync(ConversationKey key, string turn, CancellationToken cancellationToken) =>
        WriteSentMarksAsync(Db, keys, new Dictionary<string, string> { [pseudonyms.For(key)] = turn });

    public void MarkSentSoon(ConversationKey key, string turn) => _sentMarks.Add(pseudonyms.For(key), turn);

    /// <summary>Writes the sent marks still held (the host is stopping).</summary>
    public ValueTask DisposeAsync() => new(_sentMarks.FlushAsync());

    /// <summary>One script call per bucket, each with all of that bucket's marks (turns by pseudonym).</summary>
    private static async Task WriteSentMarksAsync(IDatabase db, RedisKeys keys, IReadOnlyDictionary<string, string> turns) =>
        await Task.WhenAll(turns.GroupBy(t => keys.BucketOf(t.Key)).Select(bucket =>
        {
            RedisKey[] scriptKeys = [keys.Pending(bucket.Key), .. bucket.SelectMany(t => new[] { keys.Conversation(t.Key), keys.Replies(t.Key) })];
            RedisValue[] arguments = [.. bucket.SelectMany(t => new RedisValue[] { Convert.FromHexString(t.Value), t.Key })];
            return db.ScriptEvaluateAsync(RedisScripts.MarkSent, scriptKeys, arguments);
        }));

    public async Task EraseAsync(string pseudonym, OutboxEntry deletion, CancellationToken cancellationToken)
    {
        var bucket = keys.BucketOf(pseudonym);
        await Db.ScriptEvaluateAsync(RedisScripts.Erase, new
        {
            conv = keys.Conversation(pseudonym),
            replies = keys.Replies(pseudonym),
            due = keys.Due(bucket),
            pending = keys.Pending(bucket),
            outbox = keys.Outbox(bucket),
            member = pseudonym,
            entry = OutboxJson.Serialize(deletion),
        });
        _cache.Set(pseudonym, StoredConversation.New);
        signal?.Notify(bucket);
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Db.PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    internal static string TurnOf(ReadOnlySpan<byte> messageHash) => Convert.ToHexString(messageHash);

    /// <summary>
    /// 6 bytes of a message id's hash: platform ids are long (a Twilio MessageSid is 34 characters), and among the
    /// few dozen marks one conversation keeps, a 48-bit collision is out of reach.
    /// </summary>
    internal static byte[] MessageHash(string messageId)
    {
        Span<byte> hash = stackalloc byte[32];
        Digests.Sha256(messageId, hash);
        return hash[..6].ToArray();
    }

    /// <summary>Who to write to for reminders and re-sends; dropped when the conversation is no longer under way.</summary>
    internal static string Address(ConversationKey key) => $"{key.Channel.Name}\n{key.UserId}";

    internal static ConversationKey? ParseAddress(RedisValue address)
    {
        var text = (string?)address;
        var split = text?.IndexOf('\n') ?? -1;
        return split > 0 && Channel.Find(text![..split]) is { } channel ? new ConversationKey(channel, text[(split + 1)..]) : null;
    }

    /// <summary>
    /// The state from its fields "s", "s1", "s2"... of 63 bytes (see <see cref="RedisScripts.Commit"/>). A conversation
    /// stored before the state was split has one long "s" and no "s1": it reads the same, no migration needed.
    /// </summary>
    private static byte[] JoinState(Dictionary<RedisValue, RedisValue> fields)
    {
        var state = new MemoryStream();
        for (var n = 0; fields.TryGetValue(n == 0 ? "s" : $"s{n}", out var chunk); n++)
        {
            state.Write((byte[])chunk!);
        }

        return state.ToArray();
    }

    // An in-progress conversation outlives its idle limit by a day, so the sweeper can still record it as abandoned.
    private TimeSpan Lifetime(ConversationState state) => state.Stage switch
    {
        Stage.Completed => options.FinishedRetention,
        Stage.Closed or Stage.New => options.ProcessedMarkLifetime,
        _ => options.IdleExpiry + TimeSpan.FromDays(1),
    };
}
