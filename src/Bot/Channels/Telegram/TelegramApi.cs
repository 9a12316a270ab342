using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// Every Bot API call the bot makes goes through here, within <see cref="TelegramRateLimits"/> and a time limit per
/// call. Transient failures (a dropped connection, a 5xx) were already retried by the HTTP client's policy
/// (<see cref="SendResilience"/>); what reaches here failed for good, as <see cref="ApiRequestException"/> (a 429 among
/// them: the sender reports its retry_after) or a <see cref="RequestException"/>. Callers run outside webhook requests
/// (the dispatcher, background calls), so no wait here ever holds Telegram's connection.
/// </summary>
public sealed class TelegramApi(ITelegramBotClient bot, TelegramRateLimits limits)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <param name="chatId">The chat written to, for the rate limits; null for calls that send nothing (answerCallbackQuery).</param>
    public async Task<T> CallAsync<T>(long? chatId, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (chatId is { } chat)
        {
            await limits.WaitAsync(chat, cancellationToken);
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(CallTimeout);
        return await call(bot, attempt.Token);
    }

    public Task CallAsync(long? chatId, Func<ITelegramBotClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(chatId, async (client, token) =>
        {
            await call(client, token);
            return true;
        }, cancellationToken);

    /// <summary>How long a 429 asks to wait (retry_after, at least a second).</summary>
    public static TimeSpan RetryAfter(ApiRequestException e) => TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
}
