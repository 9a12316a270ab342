using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// Every Bot API call the bot makes goes through here: within <see cref="TelegramRateLimits"/>, waiting out a 429's
/// retry_after, retrying transient failures (5xx, timeouts, network) with backoff. Permanent errors (4xx) surface as
/// <see cref="ApiRequestException"/>. Callers run outside webhook requests (the dispatcher, background calls), so no
/// wait here ever holds Telegram's connection; the library's own 429 sleep is switched off (RetryThreshold = 0).
/// </summary>
public sealed partial class TelegramApi(ITelegramBotClient bot, TelegramRateLimits limits, Observability.ChatSurveyTelemetry telemetry, TimeProvider time, ILogger<TelegramApi> logger)
{
    private const int MaxTransientAttempts = 5;
    private const int MaxRateLimitWaits = 10;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A longer ban is not waited out inline: the delivery stays pending and the sweeper tries again later.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);

    /// <param name="chatId">The chat written to, for the rate limits; null for calls that send nothing (answerCallbackQuery).</param>
    public async Task<T> CallAsync<T>(long? chatId, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var failures = 0;
        var waits = 0;
        while (true)
        {
            if (chatId is { } chat)
            {
                await limits.WaitAsync(chat, cancellationToken);
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(AttemptTimeout);
            try
            {
                return await call(bot, attempt.Token);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && RetryAfter(e) <= MaxRetryAfter && waits++ < MaxRateLimitWaits)
            {
                LogRateLimited(logger, RetryAfter(e).TotalSeconds);
                telemetry.Throttled(Conversations.Channel.Telegram.Name);
                await Task.Delay(RetryAfter(e), time, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && ++failures < MaxTransientAttempts)
            {
                var backoff = TimeSpan.FromMilliseconds((250 << failures) + Random.Shared.Next(250));
                LogTransient(logger, e, failures, backoff.TotalSeconds);
                await Task.Delay(backoff, time, cancellationToken);
            }
        }
    }

    public Task CallAsync(long? chatId, Func<ITelegramBotClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(chatId, async (client, token) =>
        {
            await call(client, token);
            return true;
        }, cancellationToken);

    public static TimeSpan RetryAfter(ApiRequestException e) => TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        // A network failure, a timeout, or an unreadable answer (a proxy's HTML error page).
        RequestException => true,
        // Our own per-attempt timeout, not a shutdown.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram asked to slow down (429); waiting {Seconds} s before retrying")]
    private static partial void LogRateLimited(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Telegram call failed (attempt {Attempt}); retrying in {Seconds:0.0} s")]
    private static partial void LogTransient(ILogger logger, Exception exception, int attempt, double seconds);
}
