using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Conversations;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>Telegram's <see cref="Update"/> → what the bot does: a pure function, tested on recorded payloads.</summary>
public static class TelegramUpdateMapper
{
    public static TelegramInbound Map(Update update, string? botUsername) => update switch
    {
        { Message: { Chat.Type: ChatType.Private } message } => FromPrivate(message),
        { Message: { Chat.Type: ChatType.Group or ChatType.Supergroup } message } => FromGroup(message, botUsername),
        { CallbackQuery: { } callback } => FromCallback(callback),
        // my_chat_member "kicked" in a private chat is how Telegram says the person blocked the bot. "member" again
        // (unblocked) needs nothing: the flag clears as soon as they write.
        { MyChatMember: { Chat.Type: ChatType.Private, NewChatMember.Status: ChatMemberStatus.Kicked } member } =>
            new(TelegramAction.Unreachable, member.Chat.Id),
        // Edited messages are ignored: the original text already moved the conversation on, and applying the edit
        // would answer whatever is being asked now with text meant for an earlier question. "atrás" is the way back.
        // Channel posts, chat_member changes, reactions, inline queries and the rest do not concern the survey.
        _ => Ignore(update.Type.ToString()),
    };

    private static TelegramInbound FromPrivate(Message message)
    {
        var chat = message.Chat.Id;
        if (message.Text is { } text)
        {
            text = WithoutBotName(text);
            var input = CommandParser.IsStart(text, out var payload) ? Input.Start(payload) : Input.FromText(text);
            // The app's language picks the conversation's until the person chooses one (when the survey has it).
            return new(TelegramAction.Converse, chat, input with { Locale = message.From?.LanguageCode });
        }

        return message.Type switch
        {
            MessageType.Photo or MessageType.Voice or MessageType.Audio or MessageType.Video or MessageType.VideoNote or
            MessageType.Animation or MessageType.Sticker or MessageType.Document or MessageType.Location or MessageType.Venue or
            MessageType.Contact or MessageType.Dice or MessageType.Poll or MessageType.Story or MessageType.PaidMedia =>
                new(TelegramAction.Converse, chat, Input.NotText),
            // Service messages (pinned, auto-delete timer, write access…) are not the person talking.
            _ => Ignore($"private {message.Type}"),
        };
    }

    /// <summary>The survey is private; in a group the bot only answers when addressed, pointing to a private chat.</summary>
    private static TelegramInbound FromGroup(Message message, string? botUsername)
    {
        var text = message.Text ?? "";
        var command = text.StartsWith('/') ? text.Split(' ', 2)[0] : null;
        var addressed = command is not null
            ? !command.Contains('@', StringComparison.Ordinal) || command.EndsWith($"@{botUsername}", StringComparison.OrdinalIgnoreCase)
            : botUsername is { Length: > 0 } && text.Contains($"@{botUsername}", StringComparison.OrdinalIgnoreCase);
        return addressed ? new(TelegramAction.GroupNotice, message.Chat.Id) : Ignore("group message");
    }

    private static TelegramInbound FromCallback(CallbackQuery callback)
    {
        // Buttons only ever go out in private chats; a callback from an inline message has no conversation to act on.
        if (callback.Message is not { Chat.Type: ChatType.Private } message)
        {
            return Ignore("callback without a private message", callback.Id);
        }

        if (!TelegramCallbackData.TryParse(callback.Data, out var data))
        {
            return Ignore("callback with unknown data", callback.Id);
        }

        var chat = message.Chat.Id;
        return data.Kind switch
        {
            TelegramCallbackData.Answer => new(TelegramAction.Converse, chat, Input.Button(data.Prompt, data.Value), callback.Id),
            TelegramCallbackData.Done => new(TelegramAction.Converse, chat, Input.Button(data.Prompt, data.SelectedNumbers()), callback.Id),
            _ => TelegramToggles.Apply(message.ReplyMarkup, data) is { } keyboard
                ? new(TelegramAction.Toggle, chat, CallbackId: callback.Id, MessageId: message.Id, Keyboard: keyboard)
                : Ignore("toggle on a message without its keyboard", callback.Id),
        };
    }

    /// <summary>"/start@ChatSurveyBot abc" → "/start abc": Telegram appends the bot's name to commands picked from a menu.</summary>
    private static string WithoutBotName(string text)
    {
        if (!text.StartsWith('/'))
        {
            return text;
        }

        var end = text.IndexOfAny([' ', '\n']);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && (end < 0 || at < end) ? text[..at] + (end < 0 ? "" : text[end..]) : text;
    }

    private static TelegramInbound Ignore(string what, string? callbackId = null) => new(TelegramAction.Ignore, CallbackId: callbackId, Ignored: what);
}
