using StackExchange.Redis;

namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// Sweeping work from the per-bucket schedules. An instance sweeps a bucket only while it holds that bucket's lease
/// (renewed on every pass, lost after <see cref="LeaseTime"/> without one), so each bucket has one sweeper at a time.
/// </summary>
public sealed class RedisSweepSource(IConnectionMultiplexer redis, RedisKeys keys, Pseudonymizer pseudonyms, TimeProvider time) : ISweepSource
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    private static readonly LuaScript TakeLease = LuaScript.Prepare("""
        local holder = redis.call('GET', @lease)
        if holder == false or holder == @owner then
          redis.call('SET', @lease, @owner, 'PX', @milliseconds)
          return 1
        end
        return 0
        """);

    private readonly string _owner = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    // Where the next pass starts, so that no bucket always waits behind the others.
    private int _start;

    private IDatabase Db => redis.GetDatabase();

    public async Task<IReadOnlyList<ConversationKey>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<ConversationKey>();
        await foreach (var bucket in LeasedBuckets())
        {
            var members = await Db.SortedSetRangeByScoreAsync(keys.Due(bucket), stop: now.ToUnixTimeSeconds(), take: max - due.Count);
            foreach (var member in members)
            {
                var address = await Db.HashGetAsync(keys.Conversation(member!), "a");
                if (RedisConversationStore.ParseAddress(address) is { } key)
                {
                    due.Add(key);
                }
                else
                {
                    // The conversation is gone (deleted or expired): nothing left to remind.
                    await Db.SortedSetRemoveAsync(keys.Due(bucket), member);
                }
            }

            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    public async Task<IReadOnlyList<PendingReplies>> ClaimUnsentAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var unsent = new List<PendingReplies>();
        await foreach (var bucket in LeasedBuckets())
        {
            var members = await Db.SortedSetRangeByScoreAsync(keys.Pending(bucket), stop: before.ToUnixTimeSeconds(), take: max - unsent.Count);
            foreach (var member in members)
            {
                // Both requests go out together. Field "r" holds the replies of a conversation stored before they had their own key.
                var replies = Db.StringGetAsync(keys.Replies(member!));
                var fields = await Db.HashGetAsync(keys.Conversation(member!), ["a", "r"]);
                var last = await replies is { IsNull: false } value ? value : fields[1];
                if (last.IsNull || RedisConversationStore.ParseAddress(fields[0]) is not { } key)
                {
                    await Db.SortedSetRemoveAsync(keys.Pending(bucket), member);
                    continue;
                }

                var pending = (byte[])last!;
                unsent.Add(new PendingReplies(key, RedisConversationStore.TurnOf(pending.AsSpan(0, 6)), OutboxJson.DeserializeReplies(pending.AsSpan(6))));
                // Claimed now: the next claim waits as long again, so a slow send is not repeated on every pass.
                await Db.SortedSetAddAsync(keys.Pending(bucket), member, time.GetUtcNow().ToUnixTimeSeconds(), SortedSetWhen.Exists);
            }

            if (unsent.Count >= max)
            {
                break;
            }
        }

        return unsent;
    }

    public async Task DeferAsync(ConversationKey key, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var member = pseudonyms.For(key);
        await Db.SortedSetAddAsync(keys.Due(keys.BucketOf(member)), member, until.ToUnixTimeSeconds(), SortedSetWhen.Exists);
    }

    private async IAsyncEnumerable<int> LeasedBuckets()
    {
        var start = _start;
        _start = (_start + 1) % keys.Buckets;
        for (var i = 0; i < keys.Buckets; i++)
        {
            var bucket = (start + i) % keys.Buckets;
            var taken = (int)await Db.ScriptEvaluateAsync(TakeLease, new { lease = keys.Lease(bucket), owner = _owner, milliseconds = (long)LeaseTime.TotalMilliseconds });
            if (taken == 1)
            {
                yield return bucket;
            }
        }
    }
}
