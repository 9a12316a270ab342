using ChatSurvey.Domain.Conversations;
using Telegram.Bot.Types.ReplyMarkups;

namespace ChatSurvey.Bot.Channels.Telegram;

/// <summary>
/// A reply as Telegram messages: its text, the numbered options (so typing "1,3" keeps working), and an inline
/// keyboard whose buttons send what typing the number would. A reply whose buttons cannot be expressed within
/// Telegram's limits is sent without them: typed answers always work.
/// </summary>
public static class TelegramRenderer
{
    /// <summary>Long labels are cut on the buttons; the full text is in the numbered list above them.</summary>
    private const int MaxButtonText = 26;

    /// <param name="survey">For the words the buttons add (the "Listo" of multiple choice), in the reply's language.</param>
    public static IReadOnlyList<OutgoingMessage> Render(Reply reply, CompiledSurvey survey)
    {
        var numbered = reply.Style is ReplyStyle.SingleChoice or ReplyStyle.MultipleChoice or ReplyStyle.Ranked && reply.Choices.Count > 0;
        var text = numbered ? reply.Text + "\n\n" + string.Join('\n', reply.Choices.Select(c => $"{c.Value}. {c.Label}")) : reply.Text;
        var keyboard = Keyboard(reply, numbered, survey.Texts(reply.Language ?? "").Done);
        // The list may push a long summary past Telegram's 4,096 characters; the keyboard goes with the last piece.
        var pieces = ReplySplitter.Split([Reply.Plain(text)]);
        return [.. pieces.Select((piece, i) => new OutgoingMessage(piece.Text, i == pieces.Count - 1 ? keyboard : null))];
    }

    private static InlineKeyboardMarkup? Keyboard(Reply reply, bool numbered, string done)
    {
        if (reply.Prompt is not { } prompt || reply.Choices.Count == 0 || reply.Style == ReplyStyle.Plain)
        {
            return null;
        }

        var labels = reply.Choices.Select(c => Shorten(numbered ? $"{c.Value}. {c.Label}" : c.Label)).ToList();
        List<InlineKeyboardButton[]> rows;
        if (reply.Style == ReplyStyle.MultipleChoice)
        {
            if (!TelegramToggles.CanToggle(reply.Choices))
            {
                return null;
            }

            rows = [.. Layout(labels.Select((label, i) => TelegramToggles.Button(prompt, label, i, selection: 0)).ToList())];
            rows.Add([TelegramToggles.DoneButton(prompt, selection: 0, done)]);
        }
        else
        {
            rows = [.. Layout(reply.Choices.Select((c, i) =>
                InlineKeyboardButton.WithCallbackData(labels[i], new TelegramCallbackData(TelegramCallbackData.Answer, prompt, c.Value).ToString())).ToList())];
        }

        // Toggle data only grows with the selection up to the all-selected mask, which is as long as the longest one.
        var fits = rows.SelectMany(r => r).All(b => System.Text.Encoding.UTF8.GetByteCount(b.CallbackData!) <= TelegramCallbackData.MaxBytes)
            && (reply.Style != ReplyStyle.MultipleChoice || TelegramCallbackData.ForSelection(TelegramCallbackData.Done, prompt, ulong.MaxValue >> (64 - reply.Choices.Count)).Fits);
        return fits ? new InlineKeyboardMarkup(rows) : null;
    }

    /// <summary>Rows that fit a phone screen: four short buttons, three medium, two long, one when two long ones would be cut.</summary>
    public static IEnumerable<InlineKeyboardButton[]> Layout(IReadOnlyList<InlineKeyboardButton> buttons)
    {
        var longest = buttons.Max(b => b.Text.Length);
        var perRow = longest switch
        {
            <= 6 => 4,
            <= 12 => 3,
            _ when longest <= 18 || buttons.Count > 3 => 2,
            _ => 1,
        };
        return buttons.Chunk(perRow);
    }

    private static string Shorten(string label)
    {
        if (label.Length <= MaxButtonText)
        {
            return label;
        }

        // Never cut an emoji (a surrogate pair) in half.
        var cut = char.IsHighSurrogate(label[MaxButtonText - 2]) ? MaxButtonText - 2 : MaxButtonText - 1;
        return label[..cut].TrimEnd() + "…";
    }
}
