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
        // The factory's default loggers write four Information lines per send, with the URL: Telegram's holds the bot
        // token. Failures are logged by the senders and counted in the metrics.
        builder.RemoveAllLoggers();
        // Polly logs every attempt at Information; only the ones it handles (retries) are worth a line.
        builder.Services.Configure<Polly.Telemetry.TelemetryOptions>(o => o.SeverityProvider = args =>
            args.Event.EventName == "ExecutionAttempt" && args.Event.Severity == Polly.Telemetry.ResilienceEventSeverity.Information
                ? Polly.Telemetry.ResilienceEventSeverity.Debug
                : args.Event.Severity);
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
