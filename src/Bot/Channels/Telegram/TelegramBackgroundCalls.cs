using System.Threading.Channels;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// Bot API calls that are not replies of a turn (answering a button's callback, updating toggle marks, the group
/// notice), made outside the webhook request, one at a time in arrival order. They are best effort: none of them
/// changes a conversation, and a lost one costs at most a spinner that stops by itself or a mark to tap again.
/// </summary>
public sealed partial class TelegramBackgroundCalls(TelegramApi api, ILogger<TelegramBackgroundCalls> logger) : BackgroundService
{
    private readonly Channel<(string What, Func<CancellationToken, Task> Call)> _queue =
        Channel.CreateUnbounded<(string, Func<CancellationToken, Task>)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stops the button's spinner; Telegram expects an answer to every callback query.</summary>
    public void AnswerCallback(string callbackQueryId) =>
        Enqueue("answerCallbackQuery", token => api.CallAsync(null, (bot, t) => bot.AnswerCallbackQuery(callbackQueryId, cancellationToken: t), token));

    public void EditKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard) =>
        Enqueue("editMessageReplyMarkup", token => api.CallAsync(chatId, (bot, t) => bot.EditMessageReplyMarkup(chatId, messageId, keyboard, cancellationToken: t), token));

    public void Send(long chatId, string text) =>
        Enqueue("sendMessage", token => api.CallAsync(chatId, (bot, t) => bot.SendMessage(chatId, text, cancellationToken: t), token));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (what, call) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(what, call, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is left is best effort by design.
        }
    }

    private void Enqueue(string what, Func<CancellationToken, Task> call) => _queue.Writer.TryWrite((what, call));

    private async Task RunAsync(string what, Func<CancellationToken, Task> call, CancellationToken stoppingToken)
    {
        try
        {
            await call(stoppingToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            // The same toggle pressed twice quickly: the keyboard already shows this selection.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Best effort: a failed call is logged and the next one goes ahead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {Method} failed; it is not retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method);
}
