using System.Threading.RateLimiting;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// Telegram's sending limits as token buckets: about one message per second to one chat with short bursts, and about
/// thirty per second overall. Waiting here is cheaper than a 429, which Telegram answers with a longer pause.
/// </summary>
public sealed class TelegramRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<long> _perChat;
    private readonly TokenBucketRateLimiter _overall;

    public TelegramRateLimits(TelegramOptions options)
    {
        // Whole tokens per period: 1/s refills one token a second; 0.5/s one every two seconds; 100/s a hundred a second.
        var tokens = Math.Max(1, (int)Math.Round(options.PerChatPerSecond));
        var perChat = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(options.PerChatBurst, tokens),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / options.PerChatPerSecond),
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
        _perChat = PartitionedRateLimiter.Create<long, long>(chat => RateLimitPartition.GetTokenBucketLimiter(chat, _ => perChat));
        _overall = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.GlobalPerSecond,
            TokensPerPeriod = options.GlobalPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Waits until one more call to <paramref name="chatId"/> keeps within both limits.</summary>
    public async ValueTask WaitAsync(long chatId, CancellationToken cancellationToken)
    {
        // Token bucket leases hold nothing: the token is spent on acquisition. A refused lease (queue overflow) still
        // lets the call go; Telegram's 429 is the real limit and is honoured by the caller.
        using var chat = await _perChat.AcquireAsync(chatId, 1, cancellationToken);
        using var overall = await _overall.AcquireAsync(1, cancellationToken);
    }

    public void Dispose()
    {
        _perChat.Dispose();
        _overall.Dispose();
    }
}
