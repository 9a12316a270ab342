namespace ChatSurvey.Bot.Conversations.Redis;

/// <summary>Configuration section "Redis". The Redis store is used when <see cref="Configuration"/> is set.</summary>
public sealed class RedisOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. "localhost:6379" or "a:7000,b:7001,c:7002" for a cluster.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "chatsurvey:";

    /// <summary>
    /// How many hash-tagged buckets the global structures (outbox streams, schedules) are split into. Each
    /// conversation lives in one bucket, so each turn writes to one cluster slot. Fixed for a deployment's life.
    /// </summary>
    public int Buckets { get; set; } = 32;

    /// <summary>An in-progress conversation with no message for this long expires and is counted as abandoned.</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a finished conversation is remembered (to answer "ya respondiste" and allow one response per person).</summary>
    public TimeSpan FinishedRetention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>
    /// How long a conversation that holds nothing else (closed, or just begun) is kept for its processed-message marks,
    /// so that a redelivered message is not applied again. Marks live as long as their conversation.
    /// </summary>
    public TimeSpan ProcessedMarkLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// At most this many marks are kept per conversation (the newest). Platforms redeliver only recent, unacknowledged
    /// messages: Telegram retries an update that failed, Twilio a webhook that timed out, the web chat its last
    /// message; 6 covers those. Each mark is 4 bytes, so the marks field stays far within Redis's 64-byte listpack value
    /// limit (a larger field turns the conversation's hash into a hashtable, which costs hundreds of bytes more).
    /// </summary>
    public int MaxMarks { get; set; } = 6;
}
