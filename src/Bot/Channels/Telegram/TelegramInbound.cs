using ChatSurvey.Domain.Conversations;
using Telegram.Bot.Types.ReplyMarkups;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// An update reduced to what the bot does with it.
/// <code>{"action": "Converse", "chatId": 81803240, "input": {"kind": "Start", "payload": "radio_ixtlan"}}</code>
/// <code>{"action": "Toggle", "chatId": 81803240, "callbackId": "427…", "messageId": 60, "keyboard": {…}}</code>
/// </summary>
/// <param name="CallbackId">A pressed button's callback query, which must be answered whatever the action.</param>
/// <param name="Ignored">Why an ignored update was ignored (its kind), for the log.</param>
public sealed record TelegramInbound(
    TelegramAction Action,
    long ChatId = 0,
    Input? Input = null,
    string? CallbackId = null,
    int MessageId = 0,
    InlineKeyboardMarkup? Keyboard = null,
    string? Ignored = null);
