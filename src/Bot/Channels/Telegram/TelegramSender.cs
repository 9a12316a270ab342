using System.Globalization;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// Pushes replies to a Telegram chat, in order, through <see cref="TelegramApi"/>. A person who blocked the bot is
/// marked unreachable (no reminders until they write again) and the delivery ends without an error, so it is not
/// retried forever; a transient failure throws, leaving the replies pending for the dispatcher's sweeper.
/// </summary>
public sealed partial class TelegramSender(TelegramApi api, ConversationService conversations, CompiledSurvey survey, TimeProvider time, ILogger<TelegramSender> logger) : IChannelSender
{
    public const string ChannelName = "telegram";

    public string Channel => ChannelName;

    public bool CanRemind(ConversationState state, DateTimeOffset now) => !state.Unreachable;

    public async Task SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        var chatId = long.Parse(userId, CultureInfo.InvariantCulture);
        foreach (var message in replies.SelectMany(reply => TelegramRenderer.Render(reply, survey)))
        {
            if (!await SendOneAsync(chatId, message, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>False when the chat cannot be written to: the remaining messages are dropped.</summary>
    private async Task<bool> SendOneAsync(long chatId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await api.CallAsync(chatId, (bot, token) => bot.SendMessage(chatId, message.Text, replyMarkup: message.Keyboard, cancellationToken: token), cancellationToken);
            return true;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403 || (e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)))
        {
            LogUnreachable(logger, e.Message);
            // Group chats (negative ids) are not conversations; only a person is marked.
            if (chatId > 0)
            {
                var key = new ConversationKey(ChannelName, chatId.ToString(CultureInfo.InvariantCulture));
                var reason = e.ErrorCode == 403 ? "blocked" : "chat_not_found";
                await conversations.MarkUnreachableAsync(key, $"unreachable:{time.GetUtcNow().ToUnixTimeMilliseconds()}", reason, cancellationToken);
            }

            return false;
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
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A Telegram chat cannot be written to ({Reason}); marked unreachable")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram refused a keyboard ({Reason}); sending the message without buttons")]
    private static partial void LogKeyboardRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram refused a message ({Reason}); it is skipped")]
    private static partial void LogRefused(ILogger logger, string reason);
}
