using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// The outbox as one Redis stream per bucket, read through a consumer group: an entry stays pending until
/// acknowledged, and entries left pending by a consumer that died are claimed by another after a minute.
/// </summary>
public sealed class RedisOutbox(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time) : IOutbox
{
    private const string Group = "domain-store";
    // Long enough that a live consumer has written its batch (idempotent writes make an early claim harmless),
    // short enough that a killed instance's entries are picked up within seconds.
    private static readonly TimeSpan ClaimAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, (int Bucket, RedisValue StreamId, OutboxEntry Entry)> _inFlight = new();
    private bool _groupsReady;
    private long _nextClaim;

    private IDatabase Db => redis.GetDatabase();

    public async Task<IReadOnlyList<OutboxEntry>> ReadAsync(int max, CancellationToken cancellationToken)
    {
        await EnsureGroupsAsync();

        // Entries read but not acknowledged (the domain store failed) are this consumer's to deliver again; the
        // stream would not hand them out twice.
        if (!_inFlight.IsEmpty)
        {
            return [.. _inFlight.Values.OrderBy(f => f.Bucket).ThenBy(f => (string)f.StreamId!, StringComparer.Ordinal).Take(max).Select(f => f.Entry)];
        }

        while (true)
        {
            var batch = new List<OutboxEntry>();
            // Entries of a dead consumer are rare; look for them once in a while, not on every read.
            if (time.GetTimestamp() >= _nextClaim)
            {
                _nextClaim = time.GetTimestamp() + (long)(ClaimAfter.TotalSeconds * time.TimestampFrequency);
                for (var bucket = 0; bucket < keys.Buckets && batch.Count < max; bucket++)
                {
                    var claimed = await Db.StreamAutoClaimAsync(keys.Outbox(bucket), Group, _consumer, (long)ClaimAfter.TotalMilliseconds, "0-0", max - batch.Count);
                    Add(batch, bucket, claimed.ClaimedEntries);
                }
            }

            if (batch.Count < max)
            {
                await ReadNewAsync(batch, max);
            }

            if (batch.Count > 0)
            {
                // A first round may bring more than max (one from each bucket); the rest stays in flight for the next call.
                return batch.Count > max ? batch.GetRange(0, max) : batch;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    public async Task AcknowledgeAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var byBucket = entries
            .Select(e => _inFlight.TryRemove(e.Id, out var at) ? (at.Bucket, at.StreamId) : (Bucket: -1, StreamId: RedisValue.Null))
            .Where(at => at.Bucket >= 0)
            .GroupBy(at => at.Bucket);
        // All buckets at once: the commands share one pipelined write instead of a round trip each.
        await Task.WhenAll(byBucket.Select(async bucket =>
        {
            var ids = bucket.Select(at => at.StreamId).ToArray();
            var stream = keys.Outbox(bucket.Key);
            // Acknowledged entries are deleted at once: the domain store has them, Redis memory need not. Both in one
            // MULTI: an instance killed between the two would leave acknowledged entries that nobody reads again,
            // counted as backlog forever.
            var both = Db.CreateTransaction();
            var acknowledged = both.StreamAcknowledgeAsync(stream, Group, ids);
            var deleted = both.StreamDeleteAsync(stream, ids);
            await both.ExecuteAsync();
            await Task.WhenAll(acknowledged, deleted);
        }));
    }

    public async Task<OutboxLag> LagAsync(CancellationToken cancellationToken)
    {
        var buckets = await Task.WhenAll(Enumerable.Range(0, keys.Buckets).Select(async bucket =>
        {
            var stream = keys.Outbox(bucket);
            var length = Db.StreamLengthAsync(stream);
            var oldest = Db.StreamRangeAsync(stream, count: 1);
            await Task.WhenAll(length, oldest);
            var first = await oldest;
            // Stream ids start with the milliseconds they were added at.
            var age = first.Length > 0 && long.TryParse(((string)first[0].Id!).Split('-')[0], System.Globalization.CultureInfo.InvariantCulture, out var milliseconds)
                ? time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : TimeSpan.Zero;
            return (Entries: await length, Age: age);
        }));
        return new OutboxLag(buckets.Sum(b => b.Entries), buckets.Max(b => b.Age));
    }

    /// <summary>
    /// New entries, up to <paramref name="max"/> in all: a fair share from every bucket in one pipelined round (an idle
    /// poll is then one write and one read, not a round trip per bucket), then more from buckets that had more.
    /// </summary>
    private async Task ReadNewAsync(List<OutboxEntry> batch, int max)
    {
        var share = Math.Max(1, (max - batch.Count) / keys.Buckets);
        var rounds = await Task.WhenAll(Enumerable.Range(0, keys.Buckets).Select(b => Db.StreamReadGroupAsync(keys.Outbox(b), Group, _consumer, ">", share)));
        for (var bucket = 0; bucket < keys.Buckets; bucket++)
        {
            Add(batch, bucket, rounds[bucket]);
        }

        for (var bucket = 0; bucket < keys.Buckets && batch.Count < max; bucket++)
        {
            if (rounds[bucket].Length == share)
            {
                Add(batch, bucket, await Db.StreamReadGroupAsync(keys.Outbox(bucket), Group, _consumer, ">", max - batch.Count));
            }
        }
    }

    private void Add(List<OutboxEntry> batch, int bucket, StreamEntry[] entries)
    {
        foreach (var entry in entries)
        {
            if (entry.IsNull)
            {
                continue;
            }

            var item = OutboxJson.DeserializeEntry((byte[])entry["e"]!);
            _inFlight[item.Id] = (bucket, entry.Id, item);
            batch.Add(item);
        }
    }

    private async Task EnsureGroupsAsync()
    {
        if (_groupsReady)
        {
            return;
        }

        for (var bucket = 0; bucket < keys.Buckets; bucket++)
        {
            try
            {
                await Db.StreamCreateConsumerGroupAsync(keys.Outbox(bucket), Group, "0-0", createStream: true);
            }
            catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
            {
                // Created by another instance or an earlier run.
            }
        }

        _groupsReady = true;
    }
}
