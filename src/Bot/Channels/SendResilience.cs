using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatSurvey.Bot.Channels;

/// <summary>
/// One policy for every channel's HTTP calls (Telegram's Bot API, Twilio's REST API), in the HTTP client factory: a
/// dropped connection, a timeout, a 5xx or a 408 is tried again at once, with a short jittered backoff, so the person
/// does not notice. A 429 is not retried here: the sender reports the platform's wait and the dispatcher waits it out
/// in the person's order. What still fails leaves the replies pending for the sweeper.
/// </summary>
/// <remarks>
/// Sends are POSTs: when a connection drops after the platform took the message, the retry sends it twice. Neither
/// platform offers an idempotency key for sending; a rare duplicate is the price of not losing replies.
/// </remarks>
public static class SendResilience
{
    public const int MaxRetries = 3;

    public static IHttpClientBuilder AddSendResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("send", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests),
        }));
        return builder;
    }
}
