using System.Text.RegularExpressions;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// Shorter SMS versions of the bot's longest hints. The long texts are matched from <see cref="BotTexts"/> itself, so
/// a change of wording there only means the long text is sent until this table catches up. The survey's own texts
/// (questions, options, privacy notice) are never shortened: they are the form, word for word.
/// </summary>
public static class SmsCompactTexts
{
    private static readonly (Regex Long, string Short)[] Table =
    [
        (Template(BotTexts.Spanish.GridHint), "{scale}\nUno por mensaje o todos juntos: B R M B E"),
        (Template(BotTexts.English.GridHint), "{scale}\nOne per message or all at once: B R M B E"),
        (Template(BotTexts.Spanish.MultipleHint), "Puedes elegir varias: 1,3"),
        (Template(BotTexts.English.MultipleHint), "You can choose several: 1,3"),
        (Template(BotTexts.Spanish.RankedHint), "Elige $1 en orden, del más importante al menos; juntos (3 1 7 12 5) o uno por uno."),
        (Template(BotTexts.English.RankedHint), "Choose $1 in order, most important first; together (3 1 7 12 5) or one at a time."),
    ];

    /// <param name="scale">The grid's scale on one line, put where the long grid hint was.</param>
    public static string Shorten(string text, string scale)
    {
        foreach (var (longText, shortText) in Table)
        {
            // "$" would read as a group reference in the replacement.
            text = longText.Replace(text, shortText.Replace("{scale}", scale.Replace("$", "$$", StringComparison.Ordinal), StringComparison.Ordinal), 1);
        }

        return text;
    }

    /// <summary>A BotTexts template as a pattern: its {0} becomes a captured number.</summary>
    private static Regex Template(string template) =>
        new(Regex.Escape(template).Replace(@"\{0}", @"(\d+)", StringComparison.Ordinal), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
