using System.Globalization;
using StackExchange.Redis;

namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>
/// Every key the store uses. A conversation is keyed by the person's pseudonym (no phone number or chat id in key
/// names) inside a bucket's hash tag, "{prefix}{b7}:c:{pseudonym}"; the bucket's outbox stream and schedules carry
/// the same tag, so a turn's writes all land in one cluster slot.
/// </summary>
public sealed class RedisKeys(string prefix, int buckets)
{
    // Built once: a turn names five keys, and formatting them was a measurable share of its allocations.
    private readonly string[] _tags = PerBucket(prefix, buckets, "");
    private readonly string[] _outboxes = PerBucket(prefix, buckets, ":outbox");
    private readonly string[] _due = PerBucket(prefix, buckets, ":due");
    private readonly string[] _pending = PerBucket(prefix, buckets, ":pending");

    public int Buckets => buckets;

    /// <summary>Pseudonyms are hex HMACs, uniformly spread: their first 32 bits pick the bucket.</summary>
    public int BucketOf(string pseudonym) => (int)(uint.Parse(pseudonym.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture) % (uint)buckets);

    public RedisKey Conversation(string pseudonym) => string.Concat(_tags[BucketOf(pseudonym)], ":c:", pseudonym);

    /// <summary>
    /// A conversation's replies committed but not yet confirmed sent, apart from its hash: a value of hundreds of bytes
    /// would turn the hash into a hashtable for good, where its small fields otherwise fit a compact listpack.
    /// </summary>
    public RedisKey Replies(string pseudonym) => string.Concat(_tags[BucketOf(pseudonym)], ":r:", pseudonym);

    public RedisKey Outbox(int bucket) => _outboxes[bucket];

    /// <summary>Conversations by the time their next reminder or abandonment check is due.</summary>
    public RedisKey Due(int bucket) => _due[bucket];

    /// <summary>Conversations whose last replies are committed but not yet confirmed sent.</summary>
    public RedisKey Pending(int bucket) => _pending[bucket];

    /// <summary>Which instance serves a bucket's schedules right now.</summary>
    public RedisKey Lease(int bucket) => $"{_tags[bucket]}:lease";

    private static string[] PerBucket(string prefix, int buckets, string name) => [.. Enumerable.Range(0, buckets).Select(b => $"{prefix}{{b{b}}}{name}")];
}
