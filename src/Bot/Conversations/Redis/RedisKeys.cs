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
    public int Buckets => buckets;

    /// <summary>Pseudonyms are hex HMACs, uniformly spread: their first 32 bits pick the bucket.</summary>
    public int BucketOf(string pseudonym) => (int)(uint.Parse(pseudonym.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture) % (uint)buckets);

    public RedisKey Conversation(string pseudonym) => $"{Tag(BucketOf(pseudonym))}:c:{pseudonym}";

    /// <summary>
    /// A conversation's replies committed but not yet confirmed sent, apart from its hash: a value of hundreds of bytes
    /// would turn the hash into a hashtable for good, where its small fields otherwise fit a compact listpack.
    /// </summary>
    public RedisKey Replies(string pseudonym) => $"{Tag(BucketOf(pseudonym))}:r:{pseudonym}";

    public RedisKey Outbox(int bucket) => $"{Tag(bucket)}:outbox";

    /// <summary>Conversations by the time their next reminder or abandonment check is due.</summary>
    public RedisKey Due(int bucket) => $"{Tag(bucket)}:due";

    /// <summary>Conversations whose last replies are committed but not yet confirmed sent.</summary>
    public RedisKey Pending(int bucket) => $"{Tag(bucket)}:pending";

    /// <summary>Which instance serves a bucket's schedules right now.</summary>
    public RedisKey Lease(int bucket) => $"{Tag(bucket)}:lease";

    private string Tag(int bucket) => $"{prefix}{{b{bucket}}}";
}
