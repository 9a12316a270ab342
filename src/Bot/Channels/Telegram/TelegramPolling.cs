using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// Mode Polling: long-polls getUpdates, for running the bot where Telegram cannot reach a webhook (a laptop). Updates
/// take the webhook's path through <see cref="TelegramUpdateHandler"/>.
/// </summary>
public sealed partial class TelegramPolling(ITelegramBotClient bot, TelegramUpdateHandler handler, ILogger<TelegramPolling> logger) : BackgroundService
{
    /// <summary>The updates the survey uses; the same list goes to setWebhook (see the README).</summary>
    public static readonly IReadOnlyList<UpdateType> AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    private const int PollSeconds = 25;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, limit: 100, timeout: PollSeconds, AllowedUpdates, stoppingToken);
                foreach (var update in updates)
                {
                    await handler.HandleAsync(update, stoppingToken);
                    // Confirmed to Telegram (by the next offset) only once handled: after a failure the same update comes
                    // again, and the store's dedupe makes that harmless.
                    offset = update.Id + 1;
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 409)
            {
                LogWebhookSet(logger);
                await PauseAsync(++failures, stoppingToken);
            }
#pragma warning disable CA1031 // Telegram or the state store away: wait and poll again; nothing is confirmed meanwhile.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, e);
                await PauseAsync(++failures, stoppingToken);
            }
        }
    }

    private static async Task PauseAsync(int failures, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5))), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the loop ends.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "getUpdates refused: a webhook is registered for this bot. Remove it (deleteWebhook) or use Telegram:Mode=Webhook")]
    private static partial void LogWebhookSet(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling Telegram failed; trying again shortly")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
