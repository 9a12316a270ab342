using Telegram.Bot.Types.ReplyMarkups;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>One sendMessage: the text, and the inline keyboard when the reply offers choices.</summary>
public sealed record OutgoingMessage(string Text, InlineKeyboardMarkup? Keyboard);
