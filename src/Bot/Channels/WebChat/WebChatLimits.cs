using System.Globalization;
using System.Threading.RateLimiting;
using ChatSurvey.Bot.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace ChatSurvey.Bot.Channels.WebChat;

/// <summary>
/// The web chat's rate limits (System.Threading.RateLimiting): new conversations per client address, messages per
/// conversation, and a ceiling on all web chat requests, so that a flood on the open page leaves room for the people
/// answering on every channel. A refused request gets 429 with Retry-After.
/// </summary>
public static class WebChatLimits
{
    public const string NewConversation = "web-new-conversation";
    public const string Message = "web-message";

    public static void Configure(RateLimiterOptions limiter, WebChatOptions options, WebConversationTokens tokens)
    {
        var perAddress = Bucket(options.NewConversationsPerHour, options.NewConversationsPerHour / 3600.0);
        limiter.AddPolicy(NewConversation, context => RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Of(context), _ => perAddress));
        var perConversation = Bucket(options.MessageBurst, options.MessagesPerSecond);
        // A token the bot did not issue gets 404 from the endpoint; it needs no bucket of its own.
        limiter.AddPolicy(Message, context => tokens.TryRead(context.Request.RouteValues["conversation"] as string, out var id, out _)
            ? RateLimitPartition.GetTokenBucketLimiter(id, _ => perConversation)
            : RateLimitPartition.GetNoLimiter("not issued"));
        var everything = Bucket(options.GlobalRequestsPerSecond, options.GlobalRequestsPerSecond);
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => context.Request.Path.StartsWithSegments("/api/chat")
            ? RateLimitPartition.GetTokenBucketLimiter("web", _ => everything)
            : RateLimitPartition.GetNoLimiter("other"));
        limiter.OnRejected = (rejected, _) =>
        {
            var after = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
            rejected.HttpContext.Response.Headers.RetryAfter = after.ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
    }

    /// <summary>
    /// A bucket of <paramref name="burst"/> that refills at <paramref name="perSecond"/>: one token at a time for slow
    /// rates, once a second for fast ones (the partitioned limiter refills every 100 ms at best anyway).
    /// </summary>
    private static TokenBucketRateLimiterOptions Bucket(int burst, double perSecond) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond >= 1 ? (int)Math.Round(perSecond) : 1,
        ReplenishmentPeriod = perSecond >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / perSecond),
        QueueLimit = 0,
    };
}
