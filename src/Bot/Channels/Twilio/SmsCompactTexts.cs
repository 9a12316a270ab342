using System.Text.RegularExpressions;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// Shorter SMS versions of the bot's longest hints, from each language pack (<c>smsGridHint</c>, <c>smsMultipleHint</c>,
/// <c>smsRankedHint</c>). The long texts are matched as the packs write them, in whatever language a reply is. The
/// survey's own texts (questions, options, privacy notice) are never shortened: they are the form, word for word.
/// </summary>
public sealed class SmsCompactTexts
{
    private readonly (Regex Long, string Short, bool IsGrid)[] _table;

    public SmsCompactTexts(CompiledSurvey survey) =>
        _table = [.. survey.Languages.Select(survey.Texts).Distinct().SelectMany(texts => new[]
        {
            (Template(texts.GridHint), Escaped(texts.SmsGridHint), true),
            (Template(texts.MultipleHint), Escaped(texts.SmsMultipleHint), false),
            // The long ranked hint's number is captured; the short one says it again.
            (Template(texts.RankedHint), Escaped(texts.SmsRankedHint).Replace("{0}", "$1", StringComparison.Ordinal), false),
        })];

    /// <param name="scale">The grid's scale on one line, put where the short grid hint says {0}.</param>
    public string Shorten(string text, string scale)
    {
        foreach (var (longText, shortText, isGrid) in _table)
        {
            text = longText.Replace(text, isGrid ? shortText.Replace("{0}", Escaped(scale), StringComparison.Ordinal) : shortText, 1);
        }

        return text;
    }

    /// <summary>"$" would read as a group reference in a replacement.</summary>
    private static string Escaped(string text) => text.Replace("$", "$$", StringComparison.Ordinal);

    /// <summary>A pack's template as a pattern: its {0} becomes a captured number.</summary>
    private static Regex Template(string template) =>
        new(Regex.Escape(template).Replace(@"\{0}", @"(\d+)", StringComparison.Ordinal), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
