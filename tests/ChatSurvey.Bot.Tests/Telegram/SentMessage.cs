using System.Text.Json.Nodes;

namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>A message the bot sent, with its inline keyboard as it is now (after any editMessageReplyMarkup).</summary>
public sealed record SentMessage(long ChatId, int MessageId, string Text, JsonObject? Keyboard)
{
    public IEnumerable<(string Text, string Data)> Buttons =>
        Keyboard?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray())
            .Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>())) ?? [];

    public IReadOnlyList<int> RowSizes => [.. Keyboard?["inline_keyboard"]?.AsArray().Select(row => row!.AsArray().Count) ?? []];
}
