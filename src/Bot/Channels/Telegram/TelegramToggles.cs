using System.Globalization;
using ChatSurvey.Domain.Conversations;
using Telegram.Bot.Types.ReplyMarkups;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// Multiple choice as toggle buttons plus "Listo". Each toggle's data is the selection it would produce, so a press
/// is answered by editing the keyboard in place (editMessageReplyMarkup) without a turn or any server-side state;
/// only "Listo" reaches the engine, as the typed list "1,3" would.
/// </summary>
public static class TelegramToggles
{
    public const string Mark = "✓ ";

    /// <summary>The selection is a bitmask of option positions and the engine reads options by number: positions must be the numbers 1…n.</summary>
    public static bool CanToggle(IReadOnlyList<Choice> choices) =>
        choices.Count is > 0 and <= 64 && choices.Select((c, i) => c.Value == (i + 1).ToString(CultureInfo.InvariantCulture)).All(ok => ok);

    public static InlineKeyboardButton Button(string prompt, string label, int position, ulong selection)
    {
        var bit = 1UL << position;
        var text = (selection & bit) != 0 ? Mark + label : label;
        return InlineKeyboardButton.WithCallbackData(text, TelegramCallbackData.ForSelection(TelegramCallbackData.Toggle, prompt, selection ^ bit).ToString());
    }

    /// <param name="label">"Listo ✅" in the conversation's language (the pack's text <c>done</c>).</param>
    public static InlineKeyboardButton DoneButton(string prompt, ulong selection, string label) =>
        InlineKeyboardButton.WithCallbackData(label, TelegramCallbackData.ForSelection(TelegramCallbackData.Done, prompt, selection).ToString());

    /// <summary>
    /// The keyboard after a toggle press: the same rows, with the marks and button data of the new selection; null
    /// when <paramref name="current"/> holds no toggles of the pressed prompt (an inaccessible or foreign message).
    /// </summary>
    public static InlineKeyboardMarkup? Apply(InlineKeyboardMarkup? current, TelegramCallbackData press)
    {
        if (current is null || press.Kind != TelegramCallbackData.Toggle || !press.TryGetSelection(out var selection))
        {
            return null;
        }

        var position = 0;
        var rows = new List<List<InlineKeyboardButton>>();
        foreach (var row in current.InlineKeyboard)
        {
            var buttons = new List<InlineKeyboardButton>();
            foreach (var button in row)
            {
                var data = TelegramCallbackData.TryParse(button.CallbackData, out var parsed) && parsed.Prompt == press.Prompt ? parsed : null;
                buttons.Add(data?.Kind switch
                {
                    TelegramCallbackData.Toggle => Button(press.Prompt, Unmarked(button.Text), position++, selection),
                    // The label stays in the language it was sent in.
                    TelegramCallbackData.Done => DoneButton(press.Prompt, selection, button.Text),
                    _ => button,
                });
            }

            rows.Add(buttons);
        }

        return position == 0 ? null : new InlineKeyboardMarkup(rows);
    }

    private static string Unmarked(string text) => text.StartsWith(Mark, StringComparison.Ordinal) ? text[Mark.Length..] : text;
}
