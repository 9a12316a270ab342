using System.Globalization;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// Pushes replies to a Telegram chat, in order, through <see cref="TelegramApi"/>, and says how it went: a person who
/// blocked the bot (403, or a chat Telegram no longer knows) is unreachable, so the rest is not retried forever; a
/// 429 with a long retry_after is "later"; anything transient past the API's retries throws (the dispatcher reports it
/// as failed, and the replies stay pending).
/// </summary>
public sealed partial class TelegramSender(TelegramApi api, CompiledSurvey survey, ILogger<TelegramSender> logger) : IChannelSender
{
    public Channel Channel => Channel.Telegram;

    public bool CanRemind(ConversationState state, DateTimeOffset now) => !state.Unreachable;

    public async Task<SendOutcome> SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        var chatId = long.Parse(userId, CultureInfo.InvariantCulture);
        foreach (var message in replies.SelectMany(reply => TelegramRenderer.Render(reply, survey)))
        {
            var outcome = await SendOneAsync(chatId, message, cancellationToken);
            if (outcome != SendOutcome.Sent)
            {
                return outcome;
            }
        }

        return SendOutcome.Sent;
    }

    private async Task<SendOutcome> SendOneAsync(long chatId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await api.CallAsync(chatId, (bot, token) => bot.SendMessage(chatId, message.Text, replyMarkup: message.Keyboard, cancellationToken: token), cancellationToken);
            return SendOutcome.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403 || (e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)))
        {
            LogUnreachable(logger, e.Message);
            return SendOutcome.Unreachable(e.ErrorCode == 403 ? "blocked" : "chat_not_found");
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            return SendOutcome.Later(TelegramApi.RetryAfter(e));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && message.Keyboard is not null)
        {
            // A keyboard Telegram refuses must not cost the question: typed answers work without it.
            LogKeyboardRefused(logger, e.Message);
            return await SendOneAsync(chatId, message with { Keyboard = null }, cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            // Sending again what Telegram refuses would fail forever; the message is logged and skipped.
            LogRefused(logger, e.Message);
            return SendOutcome.Sent;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A Telegram chat cannot be written to ({Reason}); marked unreachable")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram refused a keyboard ({Reason}); sending the message without buttons")]
    private static partial void LogKeyboardRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram refused a message ({Reason}); it is skipped")]
    private static partial void LogRefused(ILogger logger, string reason);
}
