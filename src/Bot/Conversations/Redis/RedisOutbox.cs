using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// The outbox as one Redis stream per bucket, read through a consumer group: an entry stays pending until
/// acknowledged, and entries left pending by a consumer that died are claimed by another after a minute.
/// </summary>
/// <param name="signal">Shared with the conversation store of this process: wakes the reader when it commits entries.</param>
public sealed class RedisOutbox(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time, OutboxSignal? signal = null) : IOutbox
{
    private const string Group = "domain-store";
    // Long enough that a live consumer has written its batch (idempotent writes make an early claim harmless),
    // short enough that a killed instance's entries are picked up within seconds.
    private static readonly TimeSpan ClaimAfter = TimeSpan.FromSeconds(10);
    // Polls start quick after entries were found and slow down, doubling, to the longest while nothing comes: an idle
    // poll is one pipelined read of every bucket, so at the slowest an idle bot sends Redis a few commands a second.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(2);
    private TimeSpan _poll = FirstPoll;
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    // Handed out and not acknowledged yet: where each is, by entry id.
    private readonly ConcurrentDictionary<string, (int Bucket, RedisValue StreamId)> _inFlight = new();
    // Read from the streams and not handed out yet: a round may bring more than asked for (one from each bucket).
    private readonly Queue<(int Bucket, StreamEntry Entry)> _unread = new();
    // The buckets the next read looks at: all of them at first and after a poll; after a wake-up, those this process
    // committed to; after a read, those that gave entries (they may hold more).
    private List<int>? _due;
    private bool _groupsReady;
    private long _nextClaim;

    private IDatabase Db => redis.GetDatabase();

    public async Task<OutboxBatch> ReadAsync(int max, CancellationToken cancellationToken)
    {
        await EnsureGroupsAsync();
        while (_unread.Count == 0)
        {
            // Entries of a dead consumer are rare; look for them once in a while, not on every read.
            if (time.GetTimestamp() >= _nextClaim)
            {
                _nextClaim = time.GetTimestamp() + (long)(ClaimAfter.TotalSeconds * time.TimestampFrequency);
                for (var bucket = 0; bucket < keys.Buckets && _unread.Count < max; bucket++)
                {
                    var claimed = await Db.StreamAutoClaimAsync(keys.Outbox(bucket), Group, _consumer, (long)ClaimAfter.TotalMilliseconds, "0-0", max - _unread.Count);
                    Add(bucket, claimed.ClaimedEntries);
                }
            }

            _due ??= [.. Enumerable.Range(0, keys.Buckets)];
            var polled = _due.Count == keys.Buckets;
            if (_unread.Count < max && _due.Count > 0)
            {
                await ReadNewAsync(max);
            }

            if (_unread.Count == 0)
            {
                await WaitForEntriesAsync(cancellationToken);
            }
            else if (polled)
            {
                // Found by looking everywhere: perhaps another instance's, so look again soon.
                _poll = FirstPoll;
            }
        }

        var entries = new List<OutboxEntry>();
        var undecodable = new List<UndecodableEntry>();
        while (entries.Count + undecodable.Count < max && _unread.TryDequeue(out var read))
        {
            var (bucket, item) = read;
            var json = item["e"];
            try
            {
                var entry = OutboxJson.DeserializeEntry((byte[]?)json);
                _inFlight[entry.Id] = (bucket, item.Id);
                entries.Add(entry);
            }
            catch (JsonException e)
            {
                var id = $"{keys.Outbox(bucket)}/{item.Id}";
                _inFlight[id] = (bucket, item.Id);
                // Without the field the entry belongs in, all its fields are what there is to keep.
                var raw = json.IsNull ? Encoding.UTF8.GetBytes(string.Join('\n', item.Values.Select(v => $"{v.Name}={v.Value}"))) : (byte[])json!;
                undecodable.Add(new UndecodableEntry(id, raw, e.Message));
            }
        }

        return new OutboxBatch(entries, undecodable);
    }

    public async Task AcknowledgeAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var byBucket = ids
            .Select(id => _inFlight.TryRemove(id, out var at) ? at : (Bucket: -1, StreamId: RedisValue.Null))
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
    /// New entries from the due buckets, up to <paramref name="max"/> unread in all: a fair share from each in one
    /// pipelined round (an idle poll is then one write and one read, not a round trip per bucket), then more from
    /// buckets that had more. The buckets that gave entries stay due.
    /// </summary>
    private async Task ReadNewAsync(int max)
    {
        var due = _due!;
        var share = Math.Max(1, (max - _unread.Count) / due.Count);
        var rounds = await Task.WhenAll(due.Select(b => Db.StreamReadGroupAsync(keys.Outbox(b), Group, _consumer, ">", share)));
        for (var i = 0; i < due.Count; i++)
        {
            Add(due[i], rounds[i]);
        }

        for (var i = 0; i < due.Count && _unread.Count < max; i++)
        {
            if (rounds[i].Length == share)
            {
                Add(due[i], await Db.StreamReadGroupAsync(keys.Outbox(due[i]), Group, _consumer, ">", max - _unread.Count));
            }
        }

        _due = [.. due.Where((_, i) => rounds[i].Length > 0)];
    }

    /// <summary>
    /// Waits for a commit here (then reads the buckets it wrote to) or for the poll interval (then reads them all, for
    /// what other instances wrote). Each poll that finds nothing waits twice as long as the last, up to two seconds.
    /// </summary>
    private async Task WaitForEntriesAsync(CancellationToken cancellationToken)
    {
        if (signal is null)
        {
            await Task.Delay(_poll, time, cancellationToken);
            _due = null;
            _poll = TimeSpan.FromTicks(Math.Min(_poll.Ticks * 2, LongestPoll.Ticks));
            return;
        }

        if (await signal.WaitAsync(_poll, cancellationToken))
        {
            _due = signal.TakeBuckets(keys.Buckets);
        }
        else
        {
            _due = null;
            _poll = TimeSpan.FromTicks(Math.Min(_poll.Ticks * 2, LongestPoll.Ticks));
        }
    }

    private void Add(int bucket, StreamEntry[] entries)
    {
        foreach (var entry in entries.Where(e => !e.IsNull))
        {
            _unread.Enqueue((bucket, entry));
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
