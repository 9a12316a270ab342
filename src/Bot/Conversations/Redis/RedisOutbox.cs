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
    private static readonly TimeSpan ClaimAfter = TimeSpan.FromMinutes(1);
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
            var claim = time.GetTimestamp() >= _nextClaim;
            if (claim)
            {
                _nextClaim = time.GetTimestamp() + (long)(ClaimAfter.TotalSeconds * time.TimestampFrequency);
            }

            for (var bucket = 0; bucket < keys.Buckets && batch.Count < max; bucket++)
            {
                var stream = keys.Outbox(bucket);
                if (claim)
                {
                    var claimed = await Db.StreamAutoClaimAsync(stream, Group, _consumer, (long)ClaimAfter.TotalMilliseconds, "0-0", max - batch.Count);
                    Add(batch, bucket, claimed.ClaimedEntries);
                }

                if (batch.Count < max)
                {
                    Add(batch, bucket, await Db.StreamReadGroupAsync(stream, Group, _consumer, ">", max - batch.Count));
                }
            }

            if (batch.Count > 0)
            {
                return batch;
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
        foreach (var bucket in byBucket)
        {
            var ids = bucket.Select(at => at.StreamId).ToArray();
            var stream = keys.Outbox(bucket.Key);
            // Acknowledged entries are deleted at once: the domain store has them, Redis memory need not.
            await Db.StreamAcknowledgeAsync(stream, Group, ids);
            await Db.StreamDeleteAsync(stream, ids);
        }
    }

    public async Task<OutboxLag> LagAsync(CancellationToken cancellationToken)
    {
        long entries = 0;
        var oldest = TimeSpan.Zero;
        for (var bucket = 0; bucket < keys.Buckets; bucket++)
        {
            var stream = keys.Outbox(bucket);
            entries += await Db.StreamLengthAsync(stream);
            // Stream ids start with the milliseconds they were added at.
            var first = await Db.StreamRangeAsync(stream, count: 1);
            if (first.Length > 0 && long.TryParse(((string)first[0].Id!).Split('-')[0], System.Globalization.CultureInfo.InvariantCulture, out var milliseconds))
            {
                var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
                oldest = age > oldest ? age : oldest;
            }
        }

        return new OutboxLag(entries, oldest);
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
